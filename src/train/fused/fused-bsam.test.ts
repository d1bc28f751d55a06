import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bsamStep, initBsamState, type BsamState } from '../bsam.ts';
import type { LayerValues, Params } from '../mlp.ts';
import { batchLoss, initParams, type MlpSpec } from '../model.ts';
import { tf } from '../tf.ts';
import { bsamTraceSchema, hyperFromTrace, maxAbsDeviation, traceShapeProblem, type BsamTrace } from '../trace.ts';
import { zigguratNormal } from '../../math/ziggurat.ts';
import { DenseMlp, paramCount, paramSlices, type GroupedObjective } from './dense-mlp.ts';
import { createBsamState, FusedBsamStep, type FusedBsamState } from './fused-bsam.ts';
import { FusedOptimizer } from './fused-optimizers.ts';
import { layerSizes } from './init-params.ts';
import { fromParams, maxAbsDifference } from './testing/tfjs-bridge.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const referenceDir = join(import.meta.dirname, '../../../../shared/reference');
// Every trace under reference/, subfolders included (the multi-class softmax one is in multiclass/).
const files = readdirSync(referenceDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

/**
 * The class index of each row of y: the 0/1 label of a logistic trace, the hot column of a softmax trace's
 * one-hot rows (the fused network takes class indices; softmax cross-entropy on them is nll_categorical).
 */
function labelsOf(trace: BsamTrace): Int32Array {
  if (trace.model.loss === 'logistic') return Int32Array.from(trace.y.map((r) => r[0]));
  return Int32Array.from(
    trace.y.map((row) => {
      const hot = row.indexOf(1);
      if (hot < 0 || row.some((v, c) => v !== (c === hot ? 1 : 0))) throw new Error('the fused replay needs one-hot rows of y');
      return hot;
    }),
  );
}

/** Layer lists (the trace's shape) → the flat layout, and back. */
function flatten(layers: LayerValues[]): Float32Array {
  return Float32Array.from(layers.flatMap((l) => [...l.w.flat(), ...l.b]));
}

function unflatten(flat: Float32Array, sizes: number[]): LayerValues[] {
  const slices = paramSlices(sizes);
  const out: LayerValues[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [w, b] = [slices[2 * l], slices[2 * l + 1]];
    const m = sizes[l + 1];
    const rows = Array.from({ length: sizes[l] }, (_, i) => Array.from(flat.subarray(w.offset + i * m, w.offset + (i + 1) * m)));
    out.push({ w: rows, b: Array.from(flat.subarray(b.offset, b.offset + b.length)) });
  }
  return out;
}

/** Runs a trace through the fused step with its recorded noise; calls `check` after every step. */
function replay(trace: BsamTrace, check: (t: number, state: FusedBsamState, loss: number) => void): void {
  const sizes = trace.model.layers;
  const K = trace.hyperparams.msharpness;
  const mlp = new DenseMlp(sizes, trace.model.activation, trace.X.length);
  mlp.bindBatch(Float32Array.from(trace.X.flat()), labelsOf(trace), trace.X.length / K);
  const state = createBsamState(flatten(trace.init), trace.hyperparams.s_init);
  const step = new FusedBsamStep(mlp.paramCount, K);
  const noise = new Float32Array(K * mlp.paramCount);
  const hyper = hyperFromTrace(trace);
  trace.steps.forEach((s, t) => {
    s.noise.forEach((draw, k) => noise.set(flatten(draw), k * mlp.paramCount));
    check(t, state, step.run(state, mlp, K, noise, hyper, s.lrfactor));
  });
}

describe('fused bSAM against the official optimizer (theory.md §6)', () => {
  it('finds the reference traces', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files).toContain(join('multiclass', 'bsam-official-fmnist-softmax-f32.json'));
  });

  it.each(files)('%s: w, s and gm within 2e-5 at every step', (file) => {
    const trace = bsamTraceSchema.parse(JSON.parse(readFileSync(join(referenceDir, file), 'utf8')));
    expect(traceShapeProblem(trace)).toBeNull();
    const expected = trace.expected ?? [];
    expect(expected.length).toBe(trace.steps.length);
    let worst = 0;
    let steps = 0;
    replay(trace, (t, state, loss) => {
      for (const key of ['w', 's', 'gm'] as const) worst = Math.max(worst, maxAbsDeviation(unflatten(state[key], trace.model.layers), expected[t][key]));
      expect(Math.abs(loss - expected[t].loss_at_perturbed)).toBeLessThan(2e-5);
      steps++;
    });
    expect(steps).toBe(trace.steps.length);
    expect(worst).toBeLessThanOrEqual(2e-5);
  });
});

describe.each([2, 3])('fused bSAM, K = 5, %i classes, against the tfjs bsamStep', (classes) => {
  it('same w, s, gm and loss over 5 steps', () => {
    const spec: MlpSpec = { hidden: [16, 8], activation: 'elu', classes, biasInit: 0.05, seed: 11 };
    const sizes = layerSizes(spec.hidden, classes);
    const [K, size] = [5, 6];
    const x = Float32Array.from({ length: 2 * K * size }, (_, i) => Math.sin(1.7 * i + 0.3));
    const labels = Int32Array.from({ length: K * size }, (_, i) => (i * 5) % classes);
    const hyper = { learningRate: 0.3, beta1: 0.9, beta2: 0.999, weightDecay: 1e-3, rho: 0.05, damping: 0.1, dataSize: 40 };
    const w0 = initParams(spec);
    let reference: BsamState = initBsamState(w0, 1);
    const fusedState = createBsamState(fromParams(w0), 1);
    const mlp = new DenseMlp(sizes, spec.activation, K * size);
    mlp.bindBatch(x, labels, size);
    const step = new FusedBsamStep(mlp.paramCount, K);
    const noise = new Float32Array(K * mlp.paramCount);
    const subBatches = Array.from({ length: K }, (_, k) => {
      const xk = tf.tensor2d(x.slice(2 * k * size, 2 * (k + 1) * size), [size, 2]);
      const yk = tf.tensor1d(labels.slice(k * size, (k + 1) * size), 'int32');
      return (p: Params) => batchLoss(spec, p, xk, yk);
    });
    for (let t = 0; t < 5; t++) {
      const perK: Params[] = Array.from({ length: K }, (_, k) => w0.map((w, i) => tf.randomNormal(w.shape, 0, 1, 'float32', 100 * t + 10 * k + i)));
      perK.forEach((draw, k) => noise.set(fromParams(draw), k * mlp.paramCount));
      const expected = bsamStep(reference, subBatches, perK, hyper, 0.8);
      reference = expected.state;
      const loss = step.run(fusedState, mlp, K, noise, hyper, 0.8);
      expect(Math.abs(loss - expected.lossAtPerturbed)).toBeLessThan(1e-5);
      perK.flat().forEach((n) => n.dispose());
    }
    for (const key of ['w', 's', 'gm'] as const) expect(maxAbsDifference(fusedState[key], fromParams(reference[key]))).toBeLessThan(5e-6);
    // The state moved: the comparison is not between two unchanged initialisations.
    expect(maxAbsDifference(fusedState.w, fromParams(w0))).toBeGreaterThan(1e-3);
  });
});

describe("bSAM and SGD in the network's arena against the general JavaScript path", () => {
  // The same DenseMlp hidden behind a plain GroupedObjective takes the general path (all K sub-batches at once,
  // float64 between float32 stores); the DenseMlp itself takes the arena path (sub-batch by sub-batch, SIMD).
  const sizes = [5, 13, 7, 3];
  const [K, size] = [3, 7];
  const x = Float32Array.from({ length: 5 * K * size }, (_, i) => Math.sin(0.7 * i + 0.2));
  const labels = Int32Array.from({ length: K * size }, (_, i) => (i * 2) % 3);
  const init = Float32Array.from({ length: paramCount(sizes) }, (_, i) => 0.4 * Math.cos(1.3 * i));

  it('bSAM: the same w, s, gm and losses over 8 steps, and no new buffers', () => {
    const mlp = new DenseMlp(sizes, 'elu', K * size);
    mlp.bindBatch(x, labels, size);
    const general: GroupedObjective = { lossAndGradient: (p, g, grad) => mlp.lossAndGradient(p, g, grad) };
    const hyper = { learningRate: 0.3, beta1: 0.9, beta2: 0.999, weightDecay: 1e-3, rho: 0.05, damping: 0.1, dataSize: 40 };
    const [a, b] = [createBsamState(init, 1), createBsamState(init, 1)];
    const [stepA, stepB] = [new FusedBsamStep(mlp.paramCount, K), new FusedBsamStep(mlp.paramCount, K)];
    const noise = new Float32Array(K * mlp.paramCount);
    const normal = zigguratNormal(3);
    const workspace = [...mlp.workspace];
    for (let t = 0; t < 8; t++) {
      normal.fill(noise);
      const lossA = stepA.run(a, mlp, K, noise, hyper, 0.9);
      const lossB = stepB.run(b, general, K, noise, hyper, 0.9);
      expect(Math.abs(lossA - lossB)).toBeLessThan(1e-6);
    }
    for (const key of ['w', 's', 'gm'] as const) expect(maxAbsDifference(a[key], b[key])).toBeLessThan(2e-6);
    expect(maxAbsDifference(a.w, init)).toBeGreaterThan(1e-2);
    // The arena path keeps its buffers in the network's workspace and makes no K·P scratch of its own.
    expect(stepA.buffers()).toEqual([]);
    mlp.workspace.forEach((buffer, i) => expect(buffer).toBe(workspace[i]));
  });

  it.each([null, 0.05])('SGD (SAM ρ = %s): the same w, m and losses over 8 steps', (rho) => {
    const mlp = new DenseMlp(sizes, 'relu', K * size);
    mlp.bindBatch(x, labels, K * size);
    const general: GroupedObjective = { lossAndGradient: (p, g, grad) => mlp.lossAndGradient(p, g, grad) };
    const hyper = { learningRate: 0.1, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-2 };
    const [a, b] = [new FusedOptimizer(init, 'sgd', rho), new FusedOptimizer(init, 'sgd', rho)];
    for (let t = 0; t < 8; t++) expect(Math.abs(a.step(mlp, hyper, 0.9) - b.step(general, hyper, 0.9))).toBeLessThan(1e-6);
    expect(maxAbsDifference(a.w, b.w)).toBeLessThan(2e-6);
    expect(maxAbsDifference(a.m, b.m)).toBeLessThan(2e-6);
    expect(maxAbsDifference(a.w, init)).toBeGreaterThan(1e-2);
  });
});
