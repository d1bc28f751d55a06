import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, OPTIMIZER_KINDS, type TrainingConfig } from '../../state/training.ts';
import { FASHION_LIVE } from '../../state/training-presets.ts';
import { seededUniform } from '../../math/random.ts';
import type { ArrayDataset } from '../data/array-dataset.ts';
import { TrainingRun } from '../run.ts';
import { tf } from '../tf.ts';
import { FusedTrainingRun } from './fused-run.ts';
import { fromParams, maxAbsDifference, maxRelativeDifference } from './testing/tfjs-bridge.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Steps both runs through `steps` advances; returns the two loss sequences. */
function lockstep(fused: FusedTrainingRun, reference: TrainingRun, steps: number): { fused: number[]; reference: number[] } {
  const out = { fused: [] as number[], reference: [] as number[] };
  for (let k = 0; k < steps; k++) {
    const a = fused.advance();
    const b = reference.advance();
    out.fused.push(a.loss, a.epochLoss ?? -1);
    out.reference.push(b.loss, b.epochLoss ?? -1);
  }
  return out;
}

const threeClasses = (kind: TrainingConfig['optimizer']['kind']): TrainingConfig => ({
  ...OFFICIAL_BSAM_DEMO,
  dataset: { ...OFFICIAL_BSAM_DEMO.dataset, kind: 'spiral', size: 90, noise: 0.05, testFraction: 0.2, labelNoise: 0.05, classes: 3 },
  model: { hidden: [16, 12], activation: 'relu', biasInit: 0.02 },
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind, learningRate: kind.endsWith('adam') ? 0.02 : 0.2, momentum: 0.9, msharpness: 3 },
  batchSize: 24,
  epochs: 40,
  predictiveSamples: 6,
});

describe('FusedTrainingRun against TrainingRun (tfjs cpu)', () => {
  it('the official demo: the same losses, weights and predictions over 30 steps', () => {
    const fused = new FusedTrainingRun(OFFICIAL_BSAM_DEMO);
    const reference = new TrainingRun(OFFICIAL_BSAM_DEMO);
    expect(fused.stepsPerEpoch).toBe(3);
    expect(fused.data).toEqual(reference.data);
    expect(fused.weights).toEqual(fromParams(reference.weights));
    const losses = lockstep(fused, reference, 30);
    expect(maxRelativeDifference(losses.fused, losses.reference)).toBeLessThan(1e-4);
    expect([fused.epoch, fused.step]).toEqual([reference.epoch, reference.step]);
    expect(fused.epoch).toBe(10);
    expect(maxAbsDifference(fused.weights, fromParams(reference.weights))).toBeLessThan(1e-4);
    const points = [{ x: 0.5, y: 0.25 }, { x: -1, y: 1 }, { x: 2, y: -0.5 }];
    const a = fused.predictDetailed(points, 3);
    const b = reference.predictDetailed(points, 3);
    expect(maxAbsDifference(a.averaged.flat(), b.averaged.flat())).toBeLessThan(1e-4);
    expect(maxAbsDifference(a.mean.flat(), b.mean.flat())).toBeLessThan(1e-4);
    expect(a.samples.length).toBe(3);
    expect(maxAbsDifference(a.samples.flat(), b.samples.flat())).toBeLessThan(1e-4);
    // Averaging posterior samples is not the mean-weights prediction.
    expect(maxAbsDifference(a.averaged.flat(), a.mean.flat())).toBeGreaterThan(1e-4);
    const [std1, std2] = [fused.posteriorStd(), reference.posteriorStd()];
    expect(std1.map((l) => l.layer)).toEqual(std2.map((l) => l.layer));
    expect(maxAbsDifference(std1.flatMap((l) => Array.from(l.values)), std2.flatMap((l) => Array.from(l.values)))).toBeLessThan(1e-6);
    const [e1, e2] = [fused.evaluate(), reference.evaluate()];
    expect(e1.accuracy).toBe(e2.accuracy);
    expect(e1.nll).toBeCloseTo(e2.nll, 4);
    reference.dispose();
  });

  it.each(OPTIMIZER_KINDS)('%s on 3 spiral classes (softmax): the same losses and predictions over 30 steps', (kind) => {
    const config = threeClasses(kind);
    const fused = new FusedTrainingRun(config);
    const reference = new TrainingRun(config);
    expect(fused.data.classes).toBe(3);
    const losses = lockstep(fused, reference, 30);
    expect(maxRelativeDifference(losses.fused, losses.reference)).toBeLessThan(1e-4);
    expect(maxAbsDifference(fused.weights, fromParams(reference.weights))).toBeLessThan(1e-4);
    // An uneven batch through trainStep: K = 3 sub-batches of 2 rows, the 7th row dropped for bSAM.
    const rows = [5, 0, 17, 3, 3, 40, 22];
    expect(Math.abs(fused.trainStep(rows) - reference.trainStep(rows))).toBeLessThan(1e-4);
    const fusedReport = fused.epochReport();
    const referenceReport = reference.epochReport();
    expect(fusedReport.epoch).toBe(referenceReport.epoch);
    expect(fusedReport.test_accuracy).toBe(referenceReport.test_accuracy);
    expect(fusedReport.train_loss).toBeCloseTo(referenceReport.train_loss, 4);
    expect(fusedReport.nll).toBeCloseTo(referenceReport.nll, 4);
    const points = fused.data.test.slice(0, 5);
    expect(maxAbsDifference(fused.predict(points).flat(), reference.predict(points).flat())).toBeLessThan(1e-4);
    // More kept samples (8) than averaged ones (6): the stream runs on past the averaged samples.
    const [a, b] = [fused.predictDetailed(points, 8), reference.predictDetailed(points, 8)];
    expect(a.samples.length).toBe(kind === 'bsam' ? 8 : 0);
    expect(maxAbsDifference(a.samples.flat(), b.samples.flat())).toBeLessThan(1e-4);
    expect(maxAbsDifference(a.averaged.flat(), b.averaged.flat())).toBeLessThan(1e-4);
    reference.dispose();
  });
});

describe('FusedTrainingRun', () => {
  it("posteriorStd is bSAM's 1/sqrt(N·s) per tensor, 1/sqrt(N) at s_init = 1, and empty for other optimizers", () => {
    // s ← β₂s + (1−β₂)(h + γ + δ) with h ≥ 0 keeps s ≥ β₂ᵗ: the std stays below 0.1/sqrt(β₂ᵗ).
    const run = new FusedTrainingRun(OFFICIAL_BSAM_DEMO);
    const before = run.posteriorStd();
    expect(before.map((l) => l.layer)).toEqual([1, 2, 3, 4, 5].flatMap((l) => [`layer ${l} W`, `layer ${l} b`]));
    expect(before.map((l) => l.values.length)).toEqual([64, 32, 1024, 32, 1024, 32, 1024, 32, 32, 1]);
    expect(before.every((l) => l.values.every((v) => Math.abs(v - 0.1) < 1e-7))).toBe(true);
    for (let k = 0; k < 30; k++) run.advance();
    const after = run.posteriorStd().flatMap((l) => Array.from(l.values));
    expect(after.every((v) => v > 0 && v <= 0.1 / Math.sqrt(0.999 ** 30))).toBe(true);
    expect(after.some((v) => Math.abs(v - 0.1) > 1e-4)).toBe(true);
    expect(new FusedTrainingRun({ ...OFFICIAL_BSAM_DEMO, optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind: 'adam' } }).posteriorStd()).toEqual([]);
  });

  // SAM runs with K = 5 here (the demo's msharpness): its sub-batches reuse the network's workspace.
  it.each(['bsam', 'sam-adam', 'sam-sgd'] as const)('%s: 10,000 steps keep every buffer (no reallocation) and stay finite', (kind) => {
    const config: TrainingConfig = { ...OFFICIAL_BSAM_DEMO, model: { ...OFFICIAL_BSAM_DEMO.model, hidden: [8, 8] }, optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind, learningRate: 0.05 } };
    const run = new FusedTrainingRun(config);
    run.advance();
    const buffers = run.buffers();
    const weights = run.weights;
    for (let k = 0; k < 10_000; k++) run.advance();
    expect(run.step).toBe(10_001);
    const now = run.buffers();
    expect(now.length).toBe(buffers.length);
    now.forEach((b, i) => expect(b).toBe(buffers[i]));
    expect(run.weights).toBe(weights);
    expect(weights.every(Number.isFinite)).toBe(true);
  }, 60_000);

  it('grows its buffers once when trainStep gets more rows than a batch, and trains on them', () => {
    const run = new FusedTrainingRun(OFFICIAL_BSAM_DEMO);
    const small = run.buffers();
    const loss = run.trainStep(Array.from({ length: 60 }, (_, i) => i));
    expect(Number.isFinite(loss)).toBe(true);
    const grown = run.buffers();
    expect(grown.some((b, i) => b !== small[i])).toBe(true);
    run.trainStep(Array.from({ length: 50 }, (_, i) => i));
    run.buffers().forEach((b, i) => expect(b).toBe(grown[i]));
  });
});

describe('an image dataset whose size the batch does not divide', () => {
  /** 250 random 28×28 "images" of 10 classes (the engines do not care what the pixels show). */
  function images(rows: number): ArrayDataset {
    const u = seededUniform(3);
    const split = (n: number) => ({ x: Float32Array.from({ length: n * 784 }, () => u()), labels: Int32Array.from({ length: n }, () => Math.floor(u() * 10)) });
    return { inputDim: 784, classes: 10, train: split(rows), test: split(20) };
  }
  const config: TrainingConfig = { ...FASHION_LIVE, dataset: { ...FASHION_LIVE.dataset, size: 250 }, model: { hidden: [8], activation: 'elu', biasInit: 0.05 }, batchSize: 100, epochs: 3 };

  it.each(['bsam', 'sam-sgd', 'sgd'] as const)('%s trains the last 50 rows as a third step on both engines, with the same losses', (kind) => {
    const c = { ...config, optimizer: { ...config.optimizer, kind, msharpness: kind === 'sgd' ? 1 : 4 } };
    const data = images(250);
    const fused = new FusedTrainingRun(c, { data });
    const reference = new TrainingRun(c, { data });
    try {
      expect([fused.stepsPerEpoch, reference.stepsPerEpoch]).toEqual([3, 3]);
      const losses = lockstep(fused, reference, 6);
      expect(maxRelativeDifference(losses.fused, losses.reference)).toBeLessThan(1e-4);
      expect([fused.epoch, reference.epoch]).toEqual([2, 2]);
      expect(maxAbsDifference(fused.weights, fromParams(reference.weights))).toBeLessThan(1e-4);
    } finally {
      fused.dispose();
      reference.dispose();
    }
  });
});
