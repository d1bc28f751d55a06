import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, OPTIMIZER_KINDS, type TrainingConfig } from '../state/training.ts';
import { TrainingRun } from './run.ts';
import { tf } from './tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = (kind: TrainingConfig['optimizer']['kind']): TrainingConfig => ({
  ...OFFICIAL_BSAM_DEMO,
  dataset: { ...OFFICIAL_BSAM_DEMO.dataset, size: 80, testFraction: 0.25 },
  model: { hidden: [16], activation: 'tanh', biasInit: 0 },
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind, learningRate: kind === 'bsam' ? 0.2 : kind.endsWith('adam') ? 0.02 : 0.2, momentum: 0.9, msharpness: 2 },
  batchSize: 20,
  epochs: 30,
  predictiveSamples: 8,
});

describe('TrainingRun', () => {
  it('the official demo preset is theory.md §5: 3 steps per epoch, 2-32-32-32-32-1 ELU, K = 5', () => {
    const run = new TrainingRun(OFFICIAL_BSAM_DEMO);
    expect(run.stepsPerEpoch).toBe(3);
    expect(run.weights.map((t) => t.shape)).toEqual([[2, 32], [32], [32, 32], [32], [32, 32], [32], [32, 32], [32], [32, 1], [1]]);
    expect(OFFICIAL_BSAM_DEMO.optimizer).toMatchObject({ learningRate: 0.5, rho: 0.05, damping: 0.1, weightDecay: 1e-4, msharpness: 5, sInit: 1 });
    run.dispose();
  });

  it.each(OPTIMIZER_KINDS)('%s: the training loss falls and the run is reproducible', (kind) => {
    const reports = [0, 1].map(() => {
      const run = new TrainingRun(small(kind));
      const out = Array.from({ length: 30 }, () => run.epochReport());
      run.dispose();
      return out;
    });
    expect(reports[1]).toEqual(reports[0]);
    const first = reports[0][0].train_loss;
    const last = reports[0][29].train_loss;
    expect(last).toBeLessThan(0.7 * first);
    expect(reports[0][29].test_accuracy).toBeGreaterThan(0.8);
  });

  it('bSAM predicts with averaged posterior samples, distinct from the mean weights, and leaks nothing', () => {
    const before = tf.memory().numTensors;
    const run = new TrainingRun(small('bsam'));
    for (let e = 0; e < 5; e++) run.trainEpoch();
    const points = [{ x: 0.5, y: 0.25 }, { x: -1, y: 1 }];
    const averaged = run.predict(points);
    const mean = run.predict(points, true);
    expect(averaged).toEqual(run.predict(points));
    expect(averaged[0][1]).not.toBeCloseTo(mean[0][1], 6);
    averaged.forEach((p) => expect(p[0] + p[1]).toBeCloseTo(1, 5));
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
