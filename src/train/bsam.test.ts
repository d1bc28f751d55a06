/** The stacked bSAM step (K sub-batches as batched tensors) against the line-by-line reference step. */
import { beforeAll, describe, expect, it } from 'vitest';
import { bsamStep, bsamStepStacked, initBsamState } from './bsam.ts';
import type { Params } from './mlp.ts';
import { batchLoss, initParams, stackedBatchLoss, type MlpSpec } from './model.ts';
import { tf } from './tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each([2, 3])('bsamStepStacked with %i classes', (classes) => {
  it('equals K separate sub-batch steps (K = 5) to float32 rounding, over 5 steps', () => {
    const spec: MlpSpec = { hidden: [16, 8], activation: 'elu', classes, biasInit: 0.05, seed: 11 };
    const K = 5;
    const size = 6;
    const x = tf.randomNormal([K * size, 2], 0, 1, 'float32', 5) as tf.Tensor2D;
    const labels = tf.tensor1d(Array.from({ length: K * size }, (_, i) => i % classes), 'int32');
    const hyper = { learningRate: 0.3, beta1: 0.9, beta2: 0.999, weightDecay: 1e-3, rho: 0.05, damping: 0.1, dataSize: 40 };
    const w0 = initParams(spec);
    let a = initBsamState(w0, 1);
    let b = initBsamState(w0, 1);
    const xs = Array.from({ length: K }, (_, k) => tf.slice(x, [k * size, 0], [size, 2]) as tf.Tensor2D);
    const ys = Array.from({ length: K }, (_, k) => tf.slice(labels, [k * size], [size]) as tf.Tensor1D);
    const x3 = tf.reshape(x, [K, size, 2]) as tf.Tensor3D;
    const y2 = tf.reshape(labels, [K, size]) as tf.Tensor2D;
    for (let step = 0; step < 5; step++) {
      const noise: Params[] = Array.from({ length: K }, (_, k) => w0.map((t, i) => tf.randomNormal(t.shape, 0, 1, 'float32', 100 * step + 10 * k + i)));
      const stacked = w0.map((_, i) => tf.stack(noise.map((n) => n[i])));
      const ra = bsamStep(a, xs.map((xk, k) => (p: Params) => batchLoss(spec, p, xk, ys[k])), noise, hyper, 1);
      const rb = bsamStepStacked(b, (p) => stackedBatchLoss(spec, p, x3, y2), K, stacked, hyper, 1);
      a = ra.state;
      b = rb.state;
      expect(Math.abs(ra.lossAtPerturbed - rb.lossAtPerturbed)).toBeLessThan(1e-5);
      [...noise.flat(), ...stacked].forEach((t) => t.dispose());
    }
    for (const key of ['w', 's', 'gm'] as const) {
      a[key].forEach((t, i) => {
        const diff = tf.max(tf.abs(tf.sub(t, b[key][i]))).dataSync()[0];
        expect(diff).toBeLessThan(2e-6);
      });
    }
  });
});
