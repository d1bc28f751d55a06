import { beforeAll, describe, expect, it } from 'vitest';
import { seededNormal } from '../../math/random.ts';
import { batchLoss, predictProba, type MlpSpec } from '../model.ts';
import { tf } from '../tf.ts';
import { DenseMlp, type FusedActivation } from './dense-mlp.ts';
import { initFlatParams, layerSizes } from './init-params.ts';
import { fromParams, maxAbsDifference, toParams } from './testing/tfjs-bridge.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Odd widths and row counts exercise every tail of the blocked kernels. */
const HIDDEN = [7, 5];
const ROWS = 7;

function batch(groups: number, rows: number, classes: number, seed: number): { x: Float32Array; labels: Int32Array } {
  const normal = seededNormal(seed);
  const x = Float32Array.from({ length: 2 * groups * rows }, () => normal());
  const labels = Int32Array.from({ length: groups * rows }, (_, i) => (i * 7 + seed) % classes);
  return { x, labels };
}

/** G parameter vectors, each a differently seeded initialisation. */
function stackedInit(sizes: number[], groups: number): Float32Array {
  const one = initFlatParams(sizes, 0, 0.1);
  const out = new Float32Array(groups * one.length);
  for (let g = 0; g < groups; g++) out.set(initFlatParams(sizes, g + 1, 0.1 * g), g * one.length);
  return out;
}

describe.each(['tanh', 'relu', 'elu'] as const)('DenseMlp with %s', (activation) => {
  it.each([2, 3])('%i classes: loss and gradient of 3 groups on their own rows equal tfjs batchLoss and its gradient', (classes) => {
    const sizes = layerSizes(HIDDEN, classes);
    const groups = 3;
    const mlp = new DenseMlp(sizes, activation, groups * ROWS);
    const P = mlp.paramCount;
    const params = stackedInit(sizes, groups);
    const { x, labels } = batch(groups, ROWS, classes, 5);
    mlp.bindBatch(x, labels, ROWS);
    const grad = new Float32Array(groups * P).fill(NaN);
    const total = mlp.lossAndGradient(params, groups, grad);
    const spec: MlpSpec = { hidden: HIDDEN, activation, classes, biasInit: 0, seed: 0 };
    let expectedTotal = 0;
    for (let g = 0; g < groups; g++) {
      const xg = tf.tensor2d(x.slice(2 * g * ROWS, 2 * (g + 1) * ROWS), [ROWS, 2]);
      const yg = tf.tensor1d(labels.slice(g * ROWS, (g + 1) * ROWS), 'int32');
      const p = toParams(params, sizes, g * P);
      const { value, grads } = tf.valueAndGrads((...q: tf.Tensor[]) => batchLoss(spec, q, xg, yg))(p);
      expectedTotal += value.dataSync()[0];
      expect(maxAbsDifference(grad.subarray(g * P, (g + 1) * P), fromParams(grads))).toBeLessThan(2e-6);
      [xg, yg, value, ...p, ...grads].forEach((t) => t.dispose());
    }
    expect(Math.abs(total - expectedTotal)).toBeLessThan(2e-6 * groups);
  });

  it.each([2, 4])('%i classes: probabilities equal tfjs predictProba, with shared and with separate inputs', (classes) => {
    const sizes = layerSizes(HIDDEN, classes);
    const groups = 2;
    const mlp = new DenseMlp(sizes, activation, groups * ROWS);
    const P = mlp.paramCount;
    const params = stackedInit(sizes, groups);
    const { x } = batch(groups, ROWS, classes, 8);
    const shared = new Float32Array(groups * ROWS * classes);
    const separate = new Float32Array(groups * ROWS * classes);
    mlp.probabilities(params, groups, x, ROWS, true, shared);
    mlp.probabilities(params, groups, x, ROWS, false, separate);
    const spec: MlpSpec = { hidden: HIDDEN, activation, classes, biasInit: 0, seed: 0 };
    for (let g = 0; g < groups; g++) {
      const p = toParams(params, sizes, g * P);
      const block = (start: number) => tf.tensor2d(x.slice(2 * start, 2 * (start + ROWS)), [ROWS, 2]);
      const [first, own] = [block(0), block(g * ROWS)];
      const expectShared = predictProba(spec, p, first).dataSync();
      const expectSeparate = predictProba(spec, p, own).dataSync();
      const range = [g * ROWS * classes, (g + 1) * ROWS * classes];
      expect(maxAbsDifference(shared.subarray(range[0], range[1]), expectShared)).toBeLessThan(1e-6);
      expect(maxAbsDifference(separate.subarray(range[0], range[1]), expectSeparate)).toBeLessThan(1e-6);
      [...p, first, own].forEach((t) => t.dispose());
    }
  });
});

describe('DenseMlp gradients against central finite differences', () => {
  it.each([
    ['tanh', 2],
    ['elu', 2],
    ['elu', 3],
    ['linear', 2],
  ] as [FusedActivation, number][])('%s, %i classes', (activation, classes) => {
    const sizes = layerSizes([6, 5], classes);
    const mlp = new DenseMlp(sizes, activation, ROWS);
    const params = initFlatParams(sizes, 2, 0.05);
    const { x, labels } = batch(1, ROWS, classes, 3);
    mlp.bindBatch(x, labels, ROWS);
    const grad = new Float32Array(mlp.paramCount);
    const scratch = new Float32Array(mlp.paramCount);
    mlp.lossAndGradient(params, 1, grad);
    const h = 1e-2;
    let worst = 0;
    for (let i = 0; i < params.length; i++) {
      const probe = Float32Array.from(params);
      probe[i] = params[i] + h;
      const up = mlp.lossAndGradient(probe, 1, scratch);
      probe[i] = params[i] - h;
      const down = mlp.lossAndGradient(probe, 1, scratch);
      // (probe[i] is float32: divide by the step actually taken)
      const step = Math.fround(params[i] + h) - Math.fround(params[i] - h);
      worst = Math.max(worst, Math.abs((up - down) / step - grad[i]));
    }
    expect(worst).toBeLessThan(5e-4);
    // The check can fail: a wrong gradient is far off.
    expect(grad.some((g) => Math.abs(g) > 1e-2)).toBe(true);
  });

  it('a forward-only network predicts like a full one and refuses to train', () => {
    const sizes = layerSizes([6], 3);
    const params = initFlatParams(sizes, 1, 0);
    const { x, labels } = batch(1, ROWS, 3, 2);
    const [full, forwardOnly] = [new DenseMlp(sizes, 'tanh', ROWS), new DenseMlp(sizes, 'tanh', ROWS, false)];
    const [a, b] = [new Float32Array(3 * ROWS), new Float32Array(3 * ROWS)];
    full.probabilities(params, 1, x, ROWS, true, a);
    forwardOnly.probabilities(params, 1, x, ROWS, true, b);
    expect(b).toEqual(a);
    forwardOnly.bindBatch(x, labels, ROWS);
    expect(() => forwardOnly.lossAndGradient(params, 1, new Float32Array(params.length))).toThrow(/predictions only/);
  });

  it('refuses more rows than its capacity', () => {
    const mlp = new DenseMlp([2, 3, 1], 'tanh', 4);
    mlp.bindBatch(new Float32Array(20), new Int32Array(10), 5);
    expect(() => mlp.lossAndGradient(new Float32Array(mlp.paramCount), 1, new Float32Array(mlp.paramCount))).toThrow(/capacity/);
  });
});
