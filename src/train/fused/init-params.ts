/**
 * The network shape and seeded initial weights of src/train/model.ts (layerSizes, initParams), without tfjs:
 * LeCun-normal weights normal()/sqrt(fan_in) drawn layer by layer from seededNormal(seed), row-major [in][out],
 * and a constant bias. Flattened in the layout of dense-mlp.ts, which is the order initParams draws in, so the
 * fused and the tfjs runs start from the same float32 numbers (init-params.test.ts checks it).
 */
import { seededNormal } from '../../math/random.ts';
import { paramCount } from './dense-mlp.ts';

export const INPUTS = 2;

/** [inputs, …hidden, 1] for 2 classes (one logit), [inputs, …hidden, classes] otherwise (inputs: 2 for the planes). */
export function layerSizes(hidden: readonly number[], classes: number, inputs = INPUTS): number[] {
  return [inputs, ...hidden, classes === 2 ? 1 : classes];
}

export function initFlatParams(sizes: readonly number[], seed: number, biasInit: number): Float32Array {
  const normal = seededNormal(seed);
  const out = new Float32Array(paramCount(sizes));
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    const root = Math.sqrt(fanIn);
    for (let i = 0; i < fanIn * fanOut; i++) out[offset++] = normal() / root;
    out.fill(biasInit, offset, offset + fanOut);
    offset += fanOut;
  }
  return out;
}
