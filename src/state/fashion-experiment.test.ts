import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from './experiment.ts';
import { DEFAULT_EXPERIMENT_PANEL, experimentRuns, runConfig } from './fashion-experiment.ts';
import { decodeFragment, encodeFragment } from './permalink/index.ts';
import { trainingSchema } from './training.ts';
import { weightDecayOf } from './training-derived.ts';
import { OFFICIAL_MLP } from './training-presets.ts';
import { reduce } from './update.ts';

describe('the experiment panel state', () => {
  it('derives the issue’s per-optimizer settings, valid configs, one seed for data, weights and noise', () => {
    const runs = experimentRuns({ ...DEFAULT_EXPERIMENT_PANEL, seeds: 2 });
    expect(runs.map((r) => `${r.optimizer}/${r.seed}`)).toEqual(['sgd/0', 'sam-sgd/0', 'bsam/0', 'sgd/1', 'sam-sgd/1', 'bsam/1']);
    for (const r of runs) {
      expect(trainingSchema.safeParse(r.config).success, r.optimizer).toBe(true);
      expect(r.config.seeds).toEqual({ data: r.seed, init: r.seed, noise: r.seed });
      expect(r.config.dataset).toMatchObject({ kind: 'fashion-mnist', size: 10_000 });
      expect(r.config.model.hidden).toEqual([100]);
      expect(weightDecayOf(r.config.optimizer, r.config.dataset.size)).toBeCloseTo(0.0025, 12);
    }
    const o = (i: number) => runs[i].config.optimizer;
    expect([o(0).kind, o(0).learningRate, o(0).momentum]).toEqual(['sgd', 0.05, 0.9]);
    expect([o(1).kind, o(1).learningRate, o(1).momentum, o(1).rho, o(1).msharpness]).toEqual(['sam-sgd', 0.05, 0.9, 0.05, 4]);
    expect([o(2).kind, o(2).learningRate, o(2).rho, o(2).msharpness]).toEqual(['bsam', 0.5, 0.01, 4]);
    expect(runConfig({ ...DEFAULT_EXPERIMENT_PANEL, model: 'mlp', size: 50, batchSize: 100 }, 'adam', 0)).toMatchObject({ model: OFFICIAL_MLP, batchSize: 50 });
  });

  it('round-trips through a link under ex.*, and a link without it decodes to the defaults', () => {
    const experiment = { ...DEFAULT_EXPERIMENT_PANEL, optimizers: { ...DEFAULT_EXPERIMENT_PANEL.optimizers, adam: true, bsam: false }, size: 2000, epochs: 2, seeds: 3 };
    const link = encodeFragment({ ...DEFAULT_STATE, experiment });
    expect(link).toContain('ex.size=2000');
    expect(link).toContain('ex.optimizers.adam=');
    const back = decodeFragment(link);
    expect(back.notices).toEqual([]);
    expect(back.state.experiment).toEqual(experiment);
    expect(decodeFragment('v=1&tr.epochs=5').state.experiment).toEqual(DEFAULT_EXPERIMENT_PANEL);
    // Out of the schema's range: clamped to the bound with a notice, never a broken state.
    const clamped = decodeFragment('v=1&ex.seeds=9');
    expect(clamped.state.experiment.seeds).toBe(5);
    expect(clamped.notices.length).toBe(1);
  });

  it('patchExperiment merges optimizer flags and rejects values outside the schema', () => {
    const s = reduce(DEFAULT_STATE, { type: 'patchExperiment', patch: { optimizers: { adam: true }, epochs: 2 } });
    expect(s.experiment.optimizers).toMatchObject({ sgd: true, adam: true, bsam: true });
    expect(s.experiment.epochs).toBe(2);
    expect(reduce(s, { type: 'patchExperiment', patch: { seeds: 6 } })).toBe(s);
    expect(reduce(s, { type: 'patchExperiment', patch: { epochs: 2 } })).toBe(s);
  });
});
