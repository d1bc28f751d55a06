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

  it('posteriorStd is 1/sqrt(N·s) per layer for bSAM (s_init at step 0, then per parameter), empty otherwise', () => {
    const config = { ...small('bsam'), optimizer: { ...small('bsam').optimizer, sInit: 4 } };
    const run = new TrainingRun(config);
    const N = run.data.train.length;
    const initial = run.posteriorStd();
    expect(initial.map((l) => l.layer)).toEqual(['layer 1 W', 'layer 1 b', 'layer 2 W', 'layer 2 b']);
    expect(initial.map((l) => l.values.length)).toEqual([2 * 16, 16, 16, 1]);
    for (const l of initial) l.values.forEach((v) => expect(v).toBeCloseTo(1 / Math.sqrt(N * 4), 6));
    run.dispose();
    // With β₂ = 0 one step sets s = mean_k √s·|g_k| + γ + δ ≥ γ + δ, parameter by parameter.
    const forgetful = new TrainingRun({ ...config, optimizer: { ...config.optimizer, beta2: 0 } });
    forgetful.advance();
    const { damping, weightDecay } = config.optimizer;
    const bound = 1 / Math.sqrt(N * (damping + weightDecay));
    const trained = forgetful.posteriorStd().flatMap((l) => Array.from(l.values));
    expect(trained.every((v) => Number.isFinite(v) && v > 0 && v <= bound * (1 + 1e-6))).toBe(true);
    // … and unequal: parameters with larger gradients get a larger s, so a smaller std.
    expect(Math.min(...trained)).toBeLessThan(0.9 * bound);
    expect(Math.max(...trained)).toBeGreaterThan(0.9 * bound);
    forgetful.dispose();
    const sgd = new TrainingRun(small('sgd'));
    expect(sgd.posteriorStd()).toEqual([]);
    sgd.dispose();
  });

  it('advance reports each step loss lazily, and the epoch loss is their mean, whether or not they were read', () => {
    const losses = (readEach: boolean) => {
      const run = new TrainingRun(small('bsam'));
      const steps: { loss: number; epochLoss: number | null }[] = [];
      for (let k = 0; k < 2 * run.stepsPerEpoch; k++) {
        const r = run.advance();
        if (readEach) void r.loss;
        steps.push(r);
      }
      const out = { steps: steps.map((r) => r.loss), epochs: steps.map((r) => r.epochLoss) };
      run.dispose();
      return out;
    };
    const lazy = losses(false);
    expect(losses(true)).toEqual(lazy);
    const perEpoch = lazy.steps.length / 2;
    const mean = lazy.steps.slice(0, perEpoch).reduce((a, b) => a + b, 0) / perEpoch;
    expect(lazy.epochs[perEpoch - 1]).toBeCloseTo(mean, 12);
    expect(lazy.epochs.filter((e) => e !== null)).toHaveLength(2);
  });
});
