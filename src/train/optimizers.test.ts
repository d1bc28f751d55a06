/** Each optimizer against steps computed by hand on ℓ(w) = a·w²/2 (gradient a·w) and a 2-parameter bowl. */
import { beforeAll, describe, expect, it } from 'vitest';
import { bsamStep, initBsamState } from './bsam.ts';
import type { Params } from './mlp.ts';
import { initOptimizerState, optimizerStep, type OptimizerHyper } from './optimizers.ts';
import { tf } from './tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const a = 3;
const quadratic = (p: Params) => tf.mul(a / 2, tf.sum(tf.square(p[0]))) as tf.Scalar;
const hyper: OptimizerHyper = { learningRate: 0.1, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 };
const value = (p: Params) => Array.from(p[0].dataSync());

describe('SGD, Adam and SAM: hand-computed steps', () => {
  it('SGD with momentum, two steps', () => {
    let s = initOptimizerState([tf.tensor1d([2])], 'sgd');
    const w0 = 2;
    const g0 = a * w0 + 0.01 * w0;
    const w1 = w0 - 0.1 * g0;
    const g1 = a * w1 + 0.01 * w1;
    const w2 = w1 - 0.1 * (0.9 * g0 + g1);
    s = optimizerStep(s, quadratic, 'sgd', hyper).state;
    expect(value(s.w)[0]).toBeCloseTo(w1, 5);
    const r = optimizerStep(s, quadratic, 'sgd', hyper);
    expect(value(r.state.w)[0]).toBeCloseTo(w2, 5);
    expect(r.loss).toBeCloseTo((a * w1 * w1) / 2, 4);
  });

  it('Adam: bias-corrected steps of size ≈ α·sign(g) at first, then as computed', () => {
    let s = initOptimizerState([tf.tensor1d([2, -1])], 'adam');
    const noDecay = { ...hyper, weightDecay: 0 };
    s = optimizerStep(s, quadratic, 'adam', noDecay).state;
    expect(value(s.w)[0]).toBeCloseTo(1.9, 5);
    expect(value(s.w)[1]).toBeCloseTo(-0.9, 5);
    // Second step by hand for the first coordinate.
    const g0 = 6;
    const g1 = a * 1.9;
    const m = 0.9 * 0.1 * g0 + 0.1 * g1;
    const v = 0.999 * 0.001 * g0 * g0 + 0.001 * g1 * g1;
    const w2 = 1.9 - (0.1 * (m / (1 - 0.81))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    s = optimizerStep(s, quadratic, 'adam', noDecay).state;
    expect(value(s.w)[0]).toBeCloseTo(w2, 5);
  });

  it('SAM over SGD: the gradient is taken at w + ρ·g/‖g‖ (global norm)', () => {
    const rho = 0.05;
    const s = initOptimizerState([tf.tensor1d([2, -1])], 'sgd');
    const plain = { ...hyper, momentum: 0, weightDecay: 0 };
    const r = optimizerStep(s, quadratic, 'sgd', plain, 1, rho);
    const g = [6, -3];
    const norm = Math.hypot(...g);
    const adv = [2 + (rho * g[0]) / norm, -1 + (rho * g[1]) / norm];
    expect(value(r.state.w)[0]).toBeCloseTo(2 - 0.1 * a * adv[0], 5);
    expect(value(r.state.w)[1]).toBeCloseTo(-1 - 0.1 * a * adv[1], 5);
    expect(r.loss).toBeCloseTo((a / 2) * (adv[0] ** 2 + adv[1] ** 2), 4);
  });

  it('bSAM, one step with given noise, every line of theory.md §5', () => {
    const N = 10;
    const bh = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, weightDecay: 0.01, rho: 0.05, damping: 0.1, dataSize: N };
    const state = initBsamState([tf.tensor1d([2])], 1.5);
    const e = 0.7;
    const { state: next, lossAtPerturbed } = bsamStep(state, [quadratic], [[tf.tensor1d([e])]], bh, 0.5);
    const s = 1.5;
    const theta = 2 + e * Math.sqrt(1 / (N * s));
    const g = a * theta;
    const pert = 2 + (0.05 * g) / s;
    const gHat = a * pert;
    const h = Math.sqrt(s * g * g);
    const gm = 0.1 * (gHat + 0.01 * 2);
    expect(value(next.gm)[0]).toBeCloseTo(gm, 5);
    expect(value(next.w)[0]).toBeCloseTo(2 - (0.1 * 0.5 * gm) / s, 5);
    expect(value(next.s)[0]).toBeCloseTo(0.999 * s + 0.001 * (h + 0.1 + 0.01), 5);
    expect(lossAtPerturbed).toBeCloseTo((a / 2) * pert * pert, 4);
  });

  it('leaves no tensors behind: the count after 10,000 steps equals the count after 100', () => {
    const x = tf.randomNormal([64, 2], 0, 1, 'float32', 1);
    const y = tf.cast(tf.greater(tf.sum(x, 1, true), 0), 'float32');
    const w0 = [tf.randomNormal([2, 8], 0, 0.5, 'float32', 2), tf.zeros([8]), tf.randomNormal([8, 1], 0, 0.5, 'float32', 3), tf.zeros([1])];
    const loss = (p: Params) =>
      tf.mean(tf.sub(tf.softplus(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, p[0]), p[1])), p[2]), p[3])), tf.mul(y, tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, p[0]), p[1])), p[2]), p[3])))) as tf.Scalar;
    let adam = initOptimizerState(w0, 'adam');
    let bsam = initBsamState(w0, 1);
    const bh = { learningRate: 0.05, beta1: 0.9, beta2: 0.999, weightDecay: 1e-4, rho: 0.05, damping: 0.1, dataSize: 64 };
    const run = (steps: number) => {
      for (let k = 0; k < steps; k++) {
        adam = optimizerStep(adam, loss, 'adam', hyper, 1, 0.05).state;
        const noise = [w0.map((w) => tf.randomNormal(w.shape))];
        bsam = bsamStep(bsam, [loss], noise, bh, 1).state;
        noise.flat().forEach((t) => t.dispose());
      }
      return tf.memory().numTensors;
    };
    const after100 = run(100);
    const after10000 = run(9900);
    expect(after10000).toBe(after100);
  }, 180_000);
});
