/** Used only by tests: bridges between the fused engine's flat buffers and tfjs Params, to compare the two. */
import type { Params } from '../../mlp.ts';
import { tf } from '../../tf.ts';
import { paramSlices } from '../dense-mlp.ts';

export function toParams(flat: Float32Array, sizes: readonly number[], offset = 0): Params {
  return paramSlices(sizes).map((s) => tf.tensor(flat.slice(offset + s.offset, offset + s.offset + s.length), s.shape));
}

export function fromParams(params: Params): Float32Array {
  const parts = params.map((t) => t.dataSync() as Float32Array);
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** Largest |a − b| / max(1, |b|): an error measure for values of any scale. */
export function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}
