import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, OPTIMIZER_KINDS, type TrainingConfig } from '../../state/training.ts';
import { arrayDatasetProblem, type ArrayDataset } from '../datasets.ts';
import { FusedTrainingRun } from '../fused/fused-run.ts';
import { fromParams, maxAbsDifference, maxRelativeDifference } from '../fused/testing/tfjs-bridge.ts';
import { TrainingRun } from '../run.ts';
import { tf } from '../tf.ts';
import { kernelsOfStep } from './kernel-count.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The 20 real Fashion-MNIST training images of the softmax reference trace (pixels / 255), with their classes. */
function fashionSample(): ArrayDataset {
  const file = join(import.meta.dirname, '../../../../shared/reference/multiclass/bsam-official-fmnist-softmax-f32.json');
  const trace = JSON.parse(readFileSync(file, 'utf8')) as { X: number[][]; y: number[][] };
  const x = Float32Array.from(trace.X.flat());
  const labels = Int32Array.from(trace.y.map((row) => row.indexOf(1)));
  // The first 16 images train, the last 4 test.
  return { inputDim: 784, classes: 10, train: { x: x.slice(0, 16 * 784), labels: labels.slice(0, 16) }, test: { x: x.slice(16 * 784), labels: labels.slice(16) } };
}

const imageConfig = (kind: TrainingConfig['optimizer']['kind']): TrainingConfig => ({
  ...OFFICIAL_BSAM_DEMO,
  model: { hidden: [12, 8], activation: 'elu', biasInit: 0.05 },
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind, learningRate: kind === 'bsam' ? 0.1 : kind.endsWith('adam') ? 0.01 : 0.05, momentum: 0.9, msharpness: 2 },
  batchSize: 8,
  epochs: 4,
  predictiveSamples: 5,
});

describe('both engines on 784-input images with a softmax output', () => {
  it.each(OPTIMIZER_KINDS)('%s: the same losses, weights and predictions over 6 steps (3 epochs)', (kind) => {
    const data = fashionSample();
    const config = imageConfig(kind);
    const fused = new FusedTrainingRun(config, { data });
    const reference = new TrainingRun(config, { data });
    expect(fused.sizes).toEqual([784, 12, 8, 10]);
    expect(reference.weights.map((t) => t.shape)).toEqual([[784, 12], [12], [12, 8], [8], [8, 10], [10]]);
    expect(fused.data.train).toEqual([]);
    const losses = { fused: [] as number[], reference: [] as number[] };
    for (let k = 0; k < 6; k++) {
      const [a, b] = [fused.advance(), reference.advance()];
      losses.fused.push(a.loss, a.epochLoss ?? -1);
      losses.reference.push(b.loss, b.epochLoss ?? -1);
    }
    expect(fused.epoch).toBe(3);
    expect(maxRelativeDifference(losses.fused, losses.reference)).toBeLessThan(1e-4);
    expect(losses.fused.every(Number.isFinite)).toBe(true);
    expect(maxAbsDifference(fused.weights, fromParams(reference.weights))).toBeLessThan(1e-4);
    const [a, b] = [fused.predictRows(data.test.x), reference.predictRows(data.test.x)];
    expect(a.averaged.length).toBe(4 * 10);
    expect(maxAbsDifference(a.averaged, b.averaged)).toBeLessThan(1e-4);
    expect(maxAbsDifference(a.mean, b.mean)).toBeLessThan(1e-4);
    for (let r = 0; r < 4; r++) expect(a.averaged.subarray(10 * r, 10 * r + 10).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    const [e1, e2] = [fused.evaluate(), reference.evaluate()];
    expect(e1.on).toBe('test');
    expect(e1.accuracy).toBe(e2.accuracy);
    expect(e1.nll).toBeCloseTo(e2.nll, 4);
    expect(() => fused.predict([{ x: 0, y: 0 }])).toThrow(/2-D/);
    reference.dispose();
  });

  it('a bad dataset is refused with what is wrong', () => {
    const data = fashionSample();
    expect(arrayDatasetProblem(data)).toBeNull();
    expect(arrayDatasetProblem({ ...data, inputDim: 783 })).toMatch(/not 16 rows of 783/);
    expect(arrayDatasetProblem({ ...data, classes: 5 })).toMatch(/label \d of row \d+ is outside 0 … 4/);
    expect(() => new FusedTrainingRun(imageConfig('sgd'), { data: { ...data, classes: 1 } })).toThrow(/at least 2 classes/);
  });
});

describe('the tfjs engine updates all parameters at once', () => {
  // A loop over parameter tensors would run each update operation once per tensor (2 per layer): the counts
  // of the operations that only the update uses must not grow with the depth of the network.
  it.each(['bsam', 'adam', 'sam-sgd'] as const)('%s: the update kernels of a step are the same for 1 and 4 hidden layers', async (kind) => {
    const counts = [];
    for (const hidden of [[8], [8, 8, 8, 8]]) {
      const run = new TrainingRun({ ...OFFICIAL_BSAM_DEMO, model: { ...OFFICIAL_BSAM_DEMO.model, hidden }, optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind } });
      run.advance();
      counts.push((await kernelsOfStep(run)).byName);
      run.dispose();
    }
    // SAM (K = 5, the demo's msharpness): the per-sub-batch norms and the tiling of w for the K plain gradients.
    const updateOnly = kind === 'bsam' ? ['Sqrt', 'Rsqrt', 'Square', 'Mean'] : kind === 'sam-sgd' ? ['Sqrt', 'Square', 'Maximum', 'Tile'] : ['Sqrt', 'Square'];
    for (const name of updateOnly) {
      expect(counts[0][name], name).toBeGreaterThan(0);
      expect(counts[1][name], name).toBe(counts[0][name]);
    }
  });
});
