import { beforeAll, describe, expect, it } from 'vitest';
import { batchLoss, initParams, type MlpSpec } from '../model.ts';
import { initOptimizerState, optimizerStep, type OptimizerHyper, type OptimizerState } from '../optimizers.ts';
import { tf } from '../tf.ts';
import { DenseMlp, type GroupedObjective } from './dense-mlp.ts';
import { FusedOptimizer } from './fused-optimizers.ts';
import { layerSizes } from './init-params.ts';
import { fromParams, maxAbsDifference } from './testing/tfjs-bridge.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const hyper: OptimizerHyper = { learningRate: 0.05, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-2 };

describe.each([
  ['sgd', null],
  ['adam', null],
  ['sgd', 0.05],
  ['adam', 0.05],
] as const)('fused %s (SAM ρ = %s) against optimizers.ts', (base, rho) => {
  it.each([2, 3])('%i classes: same w, m, v and losses over 6 steps', (classes) => {
    const spec: MlpSpec = { hidden: [9, 6], activation: 'tanh', classes, biasInit: 0.05, seed: 5 };
    const rows = 11;
    const x = Float32Array.from({ length: 2 * rows }, (_, i) => Math.cos(2.3 * i));
    const labels = Int32Array.from({ length: rows }, (_, i) => (3 * i) % classes);
    const xt = tf.tensor2d(x, [rows, 2]);
    const yt = tf.tensor1d(labels, 'int32');
    const w0 = initParams(spec);
    let reference: OptimizerState = initOptimizerState(w0, base);
    const fused = new FusedOptimizer(fromParams(w0), base, rho);
    const mlp = new DenseMlp(layerSizes(spec.hidden, classes), spec.activation, rows);
    mlp.bindBatch(x, labels, rows);
    for (let t = 0; t < 6; t++) {
      const lrFactor = 1 - t / 10;
      const expected = optimizerStep(reference, (p) => batchLoss(spec, p, xt, yt), base, hyper, lrFactor, rho);
      reference = expected.state;
      const loss = fused.step(mlp, hyper, lrFactor);
      expect(Math.abs(loss - expected.loss)).toBeLessThan(1e-6);
    }
    expect(fused.t).toBe(6);
    expect(maxAbsDifference(fused.w, fromParams(reference.w))).toBeLessThan(2e-6);
    expect(maxAbsDifference(fused.m, fromParams(reference.m))).toBeLessThan(2e-6);
    if (base === 'adam') expect(maxAbsDifference(fused.v, fromParams(reference.v))).toBeLessThan(1e-7);
    expect(maxAbsDifference(fused.w, fromParams(w0))).toBeGreaterThan(1e-3);
    [xt, yt, ...w0, ...reference.w, ...reference.m, ...reference.v].forEach((t) => t.dispose());
  });
});

describe('fused SAM', () => {
  it('with a zero gradient evaluates at w itself (no division by zero)', () => {
    const flat: GroupedObjective = { lossAndGradient: (_p, _g, grad) => (grad.fill(0), 1) };
    const opt = new FusedOptimizer(Float32Array.from([1, -2]), 'sgd', 0.05);
    const loss = opt.step(flat, { ...hyper, weightDecay: 0 });
    expect(loss).toBe(1);
    expect(Array.from(opt.w)).toEqual([1, -2]);
  });
});

describe('fused SAM with m-sharpness (K sub-batches)', () => {
  const sizes = layerSizes([7, 5], 3);
  const rows = 12;
  const x = Float32Array.from({ length: 2 * rows }, (_, i) => Math.sin(1.9 * i));
  const labels = Int32Array.from({ length: rows }, (_, i) => (5 * i) % 3);
  const init = Float32Array.from({ length: (2 + 1) * 7 + (7 + 1) * 5 + (5 + 1) * 3 }, (_, i) => 0.4 * Math.cos(0.7 * i));

  it.each(['sgd', 'adam'] as const)('%s: the arena path (sub-batch by sub-batch) equals the JavaScript path (all K at once) over 5 steps', (base) => {
    for (const K of [2, 3, 4]) {
      const arenaNet = new DenseMlp(sizes, 'elu', rows);
      const jsNet = new DenseMlp(sizes, 'elu', rows);
      // Not a DenseMlp: takes FusedOptimizer's general path.
      const general: GroupedObjective = { lossAndGradient: (p, g, grad) => jsNet.lossAndGradient(p, g, grad) };
      arenaNet.bindBatch(x, labels, rows / K);
      jsNet.bindBatch(x, labels, rows / K);
      const [a, b] = [new FusedOptimizer(init, base, 0.05), new FusedOptimizer(init, base, 0.05)];
      for (let t = 0; t < 5; t++) expect(Math.abs(a.step(arenaNet, hyper, 1, K) - b.step(general, hyper, 1, K))).toBeLessThan(1e-6);
      expect(maxAbsDifference(a.w, b.w)).toBeLessThan(1e-6);
      expect(maxAbsDifference(a.m, b.m)).toBeLessThan(1e-6);
      expect(maxAbsDifference(a.w, init)).toBeGreaterThan(1e-3);
    }
  });

  it('K copies of one sub-batch give the same step as that sub-batch alone (K = 1)', () => {
    const half = 4;
    const copies = 3;
    const xs = new Float32Array(2 * half * copies);
    const ys = new Int32Array(half * copies);
    for (let c = 0; c < copies; c++) {
      xs.set(x.subarray(0, 2 * half), 2 * half * c);
      ys.set(labels.subarray(0, half), half * c);
    }
    const [one, many] = [new DenseMlp(sizes, 'elu', half * copies), new DenseMlp(sizes, 'elu', half * copies)];
    one.bindBatch(xs, ys, half);
    many.bindBatch(xs, ys, half);
    const [a, b] = [new FusedOptimizer(init, 'sgd', 0.05), new FusedOptimizer(init, 'sgd', 0.05)];
    for (let t = 0; t < 3; t++) expect(Math.abs(a.step(one, hyper, 1, 1) - b.step(many, hyper, 1, copies))).toBeLessThan(1e-6);
    expect(maxAbsDifference(a.w, b.w)).toBeLessThan(1e-6);
  });

  it('refuses a K that is not a whole number ≥ 1, and K > 1 without SAM', () => {
    const mlp = new DenseMlp(sizes, 'elu', rows);
    mlp.bindBatch(x, labels, rows / 2);
    expect(() => new FusedOptimizer(init, 'sgd', 0.05).step(mlp, hyper, 1, 0)).toThrow(/whole number/);
    expect(() => new FusedOptimizer(init, 'sgd', null).step(mlp, hyper, 1, 2)).toThrow(/no perturbation/);
  });
});

