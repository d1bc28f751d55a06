import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, experimentStateSchema } from './experiment.ts';
import { decodeFragment, decodeStateFile, encodeFragment } from './permalink/index.ts';
import { trainingSchema } from './training.ts';
import { bsamDataSize, priorPrecisionOf, weightDecayOf } from './training-derived.ts';
import { FASHION_LIVE, FASHION_OFFICIAL, modelPresetOf } from './training-presets.ts';

const withTraining = (training: typeof FASHION_LIVE) => ({ ...DEFAULT_STATE, training });

describe('the Fashion-MNIST keys of the state', () => {
  it('the issue’s link decodes without a notice to the setting it names', () => {
    const link =
      'v=1&tr.dataset.kind=fashion-mnist&tr.dataset.size=10000&tr.model.hidden=100&tr.optimizer.kind=bsam&tr.optimizer.msharpness=4&tr.batchSize=100&tr.epochs=3&tr.optimizer.weightDecay=0.0025&tr.predictiveSamples=16';
    const { state, notices } = decodeFragment(link);
    expect(notices).toEqual([]);
    const t = state.training;
    expect([t.dataset.kind, t.dataset.size, t.model.hidden, t.optimizer.msharpness, t.batchSize, t.epochs, t.predictiveSamples]).toEqual(['fashion-mnist', 10_000, [100], 4, 100, 3, 16]);
    // Raw δ as given (no prior precision in the link): priorprec 25 = 0.0025 · 10,000 · 1.
    expect(t.optimizer.priorPrecision).toBeNull();
    expect(weightDecayOf(t.optimizer, t.dataset.size)).toBe(0.0025);
    expect(priorPrecisionOf(t.optimizer, t.dataset.size)).toBeCloseTo(25, 12);
  });

  it('the presets round-trip through a link and a state file, keys and all', () => {
    for (const training of [FASHION_LIVE, FASHION_OFFICIAL]) {
      const state = withTraining(training);
      expect(experimentStateSchema.safeParse(state).success).toBe(true);
      const link = encodeFragment(state);
      expect(link).toContain('tr.dataset.kind=fashion-mnist');
      const back = decodeFragment(link);
      expect(back.notices).toEqual([]);
      expect(back.state).toEqual(state);
    }
    expect(encodeFragment(withTraining(FASHION_OFFICIAL))).toMatch(/tr\.schedule=warmup-cosine.*tr\.warmup=5|tr\.warmup=5.*tr\.schedule=warmup-cosine/);
    expect(encodeFragment(withTraining(FASHION_OFFICIAL))).toMatch(/tr\.optimizer\.priorPrecision=40/);
  });

  it('δ = priorprec / (N · dafactor), and bSAM’s N is N · dafactor', () => {
    const o = { ...FASHION_OFFICIAL.optimizer, priorPrecision: 40, dafactor: 4 };
    expect(weightDecayOf(o, 50_000)).toBe(40 / 200_000);
    expect(bsamDataSize(o, 50_000)).toBe(200_000);
    expect(priorPrecisionOf({ ...o, priorPrecision: null, weightDecay: 1e-4 }, 100)).toBeCloseTo(0.04, 15);
  });

  it('old links and files without the new keys still decode, to the old meaning', () => {
    const { state, notices } = decodeFragment('v=1&tr.optimizer.weightDecay=0.001&tr.schedule=cosine&tr.dataset.size=300');
    expect(notices).toEqual([]);
    expect(state.training.optimizer).toMatchObject({ weightDecay: 0.001, priorPrecision: null, dafactor: 1 });
    expect(state.training.warmup).toBe(0);
    const oldFile = JSON.parse(JSON.stringify(DEFAULT_STATE));
    delete oldFile.training.warmup;
    delete oldFile.training.optimizer.priorPrecision;
    delete oldFile.training.optimizer.dafactor;
    expect(decodeStateFile(JSON.stringify(oldFile))).toEqual({ state: DEFAULT_STATE, notices: [] });
  });

  it('bounds: 1 … 60,000 training images for Fashion-MNIST, 4 … 5,000 points for the generated kinds', () => {
    const ok = (dataset: object) => trainingSchema.safeParse({ ...FASHION_LIVE, dataset: { ...FASHION_LIVE.dataset, ...dataset } }).success;
    expect([ok({ size: 1 }), ok({ size: 60_000 }), ok({ size: 60_001 }), ok({ size: 0 })]).toEqual([true, true, false, false]);
    expect([ok({ kind: 'moons', size: 4 }), ok({ kind: 'moons', size: 5000 }), ok({ kind: 'moons', size: 3 }), ok({ kind: 'moons', size: 5001 })]).toEqual([true, true, false, false]);
    expect(decodeFragment('v=1&tr.dataset.kind=fashion-mnist&tr.dataset.size=99999').state.training.dataset.size).toBe(60_000);
  });

  it('model presets: the official mlp and the live one are recognised', () => {
    expect(modelPresetOf(FASHION_OFFICIAL.model)).toBe('mlp');
    expect(modelPresetOf(FASHION_LIVE.model)).toBe('live');
    expect(modelPresetOf({ ...FASHION_LIVE.model, hidden: [100, 10] })).toBeNull();
  });
});
