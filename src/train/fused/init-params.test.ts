import { beforeAll, describe, expect, it } from 'vitest';
import { initParams, layerSizes as tfLayerSizes, type MlpSpec } from '../model.ts';
import { tf } from '../tf.ts';
import { paramCount, paramSlices } from './dense-mlp.ts';
import { initFlatParams, layerSizes } from './init-params.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('initFlatParams', () => {
  it.each([
    { hidden: [32, 32, 32, 32], classes: 2, seed: 0, biasInit: 0.05 },
    { hidden: [16, 8], classes: 3, seed: 9, biasInit: 0 },
    { hidden: [], classes: 2, seed: 4, biasInit: -0.3 },
  ])('equals model.ts initParams bit for bit: %o', ({ hidden, classes, seed, biasInit }) => {
    const spec: MlpSpec = { hidden, activation: 'elu', classes, biasInit, seed };
    const sizes = layerSizes(hidden, classes);
    expect(sizes).toEqual(tfLayerSizes(spec));
    const flat = initFlatParams(sizes, seed, biasInit);
    expect(flat.length).toBe(paramCount(sizes));
    const tensors = initParams(spec);
    const slices = paramSlices(sizes);
    expect(slices.map((s) => s.shape)).toEqual(tensors.map((t) => t.shape));
    slices.forEach((slice, i) => expect(flat.subarray(slice.offset, slice.offset + slice.length)).toEqual(tensors[i].dataSync()));
    tensors.forEach((t) => t.dispose());
  });

  it('the official demo network has 3,297 parameters', () => {
    expect(paramCount(layerSizes([32, 32, 32, 32], 2))).toBe(3297);
  });
});
