import { describe, expect, it } from 'vitest';
import { compileExpression } from '../math/expression.ts';
import { LOSS_PRESETS } from '../math/presets.ts';
import { DEFAULT_STATE, experimentStateSchema } from './experiment.ts';
import { OFFICIAL_BSAM_DEMO } from './training.ts';
import type { TrainingConfig } from './training.ts';
import { LIMITS, lossSourceText, parseBounded, reduce } from './update.ts';
import type { TrainingPatch } from './update.ts';

const S = DEFAULT_STATE;

describe('reduce', () => {
  it('sets σ and ρ, clamping into LIMITS, and keeps the state valid', () => {
    expect(reduce(S, { type: 'setSigma', sigma: 0.8 }).landscape1d.sigma).toBe(0.8);
    expect(reduce(S, { type: 'setSigma', sigma: 1e9 }).landscape1d.sigma).toBe(LIMITS.sigma.max);
    expect(reduce(S, { type: 'setSigma', sigma: -1 }).landscape1d.sigma).toBe(LIMITS.sigma.min);
    expect(reduce(S, { type: 'setRho', rho: -3 }).landscape1d.rho).toBe(0);
    for (const a of [
      { type: 'setSigma', sigma: 1e9 },
      { type: 'setSigma', sigma: -1 },
      { type: 'setRho', rho: 1e9 },
      { type: 'setM', m: 1e9 },
    ] as const) {
      expect(experimentStateSchema.safeParse(reduce(S, a)).success).toBe(true);
    }
  });

  it('rejects non-finite numbers by returning the same object', () => {
    for (const v of [NaN, Infinity, -Infinity]) {
      expect(reduce(S, { type: 'setSigma', sigma: v })).toBe(S);
      expect(reduce(S, { type: 'setRho', rho: v })).toBe(S);
      expect(reduce(S, { type: 'setM', m: v })).toBe(S);
    }
  });

  it('returns the same object when nothing changes', () => {
    expect(reduce(S, { type: 'setSigma', sigma: S.landscape1d.sigma })).toBe(S);
    expect(reduce(S, { type: 'setVisible', name: 'loss', visible: true })).toBe(S);
  });

  it('clamps m into the plot domain', () => {
    const { from, to } = S.landscape1d;
    expect(reduce(S, { type: 'setM', m: to + 10 }).landscape1d.m).toBe(to);
    expect(reduce(S, { type: 'setM', m: from - 10 }).landscape1d.m).toBe(from);
  });

  it('toggles visibility of one objective only', () => {
    const next = reduce(S, { type: 'setVisible', name: 'relaxed', visible: false });
    expect(next.landscape1d.visible).toEqual({ ...S.landscape1d.visible, relaxed: false });
    expect(S.landscape1d.visible.relaxed).toBe(true); // not mutated
  });

  it('applies a preset with its suggested domain and sliders', () => {
    for (const p of LOSS_PRESETS) {
      const next = reduce(reduce(S, { type: 'setSigma', sigma: 7 }), { type: 'applyPreset', id: p.id });
      expect(next.landscape1d).toMatchObject({ loss: { kind: 'preset', id: p.id }, from: p.from, to: p.to, sigma: p.sigma, rho: p.rho, m: p.m });
      expect(experimentStateSchema.safeParse(next).success).toBe(true);
    }
    expect(reduce(S, { type: 'applyPreset', id: 'no-such-preset' })).toBe(S);
  });

  it('sets a typed expression that compiles', () => {
    const next = reduce(S, { type: 'setLossExpression', text: 'theta^2' });
    expect(next.landscape1d.loss).toEqual({ kind: 'expression', text: 'theta^2' });
    expect(reduce(next, { type: 'setLossExpression', text: 'theta^2' })).toBe(next);
    expect(reduce(S, { type: 'setLossExpression', text: 'x'.repeat(501) })).toBe(S);
  });

  // The compiler in src/math/expression.ts is a stub that accepts everything until it lands.
  const compilerIsStub = compileExpression('theta +* 2').ok;
  it.skipIf(compilerIsStub)('never stores an expression that does not compile', () => {
    expect(reduce(S, { type: 'setLossExpression', text: 'theta +* 2' })).toBe(S);
  });

  it('selects (m, σ) from the heatmap and validates heatmap patches', () => {
    const next = reduce(S, { type: 'selectMSigma', m: -1, sigma: 0.2 });
    expect(next.landscape1d.m).toBe(-1);
    expect(next.landscape1d.sigma).toBe(0.2);
    expect(reduce(S, { type: 'patchMSigma', patch: { surface: 'expected' } }).msigma.surface).toBe('expected');
    expect(reduce(S, { type: 'patchMSigma', patch: { sigmaFrom: 5, sigmaTo: 1 } })).toBe(S);
    expect(reduce(S, { type: 'patchMSigma', patch: { sigmaFrom: -1 } })).toBe(S);
  });
});

describe('parseBounded', () => {
  const b = { min: 0, max: 10, minExclusive: true };
  it('accepts decimal and scientific notation in range', () => {
    expect(parseBounded(' 0.25 ', b, 'σ')).toEqual({ ok: true, value: 0.25 });
    expect(parseBounded('1e-2', b, 'σ')).toEqual({ ok: true, value: 0.01 });
    expect(parseBounded('.5', b, 'σ')).toEqual({ ok: true, value: 0.5 });
    expect(parseBounded('10', b, 'σ')).toEqual({ ok: true, value: 10 });
  });
  it('rejects what Number() would silently accept or mangle', () => {
    for (const t of ['', ' ', 'abc', '0x10', 'Infinity', '1e', '1,5', '1..2', 'NaN', '--1']) {
      const r = parseBounded(t, b, 'σ');
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
    }
  });
  it('rejects out-of-range values with a message naming the bounds', () => {
    const r = parseBounded('0', b, 'σ');
    expect(r).toEqual({ ok: false, message: 'σ must be greater than 0 and at most 10.' });
    expect(parseBounded('11', b, 'σ').ok).toBe(false);
    expect(parseBounded('0', { min: 0, max: 1 }, 'ρ').ok).toBe(true);
  });
});

describe('lossSourceText', () => {
  it('gives the expression text or the preset expression', () => {
    expect(lossSourceText({ kind: 'expression', text: 'abs(theta)' })).toBe('abs(theta)');
    const p = LOSS_PRESETS[0];
    expect(lossSourceText({ kind: 'preset', id: p.id })).toBe(p.expression);
    expect(lossSourceText({ kind: 'preset', id: 'nope' })).toBeNull();
  });
});

describe('training actions', () => {
  it('deep-merges a patch into the dataset, model, optimizer and seeds sub-objects', () => {
    const next = reduce(S, { type: 'patchTraining', patch: { optimizer: { learningRate: 0.1 }, dataset: { noise: 0.3 } } });
    expect(next.training.optimizer).toEqual({ ...S.training.optimizer, learningRate: 0.1 });
    expect(next.training.dataset).toEqual({ ...S.training.dataset, noise: 0.3 });
    expect(next.training.model).toEqual(S.training.model);
    expect(next.landscape1d).toBe(S.landscape1d);
    const seeded = reduce(next, { type: 'patchTraining', patch: { seeds: { init: 7 }, epochs: 10, model: { hidden: [8, 8] } } });
    expect(seeded.training.seeds).toEqual({ data: 0, init: 7, noise: 0 });
    expect(seeded.training.epochs).toBe(10);
    expect(seeded.training.model).toEqual({ ...S.training.model, hidden: [8, 8] });
    expect(experimentStateSchema.safeParse(seeded).success).toBe(true);
    expect(S.training).toEqual(OFFICIAL_BSAM_DEMO); // not mutated
  });

  it('accepts an empty hidden list (logistic regression) and a learning rate that will diverge', () => {
    expect(reduce(S, { type: 'patchTraining', patch: { model: { hidden: [] } } }).training.model.hidden).toEqual([]);
    expect(reduce(S, { type: 'patchTraining', patch: { optimizer: { learningRate: 1e3 } } }).training.optimizer.learningRate).toBe(1e3);
  });

  it('rejects an invalid patch by returning the same object', () => {
    const bad: TrainingPatch[] = [
      { optimizer: { learningRate: 0 } },
      { optimizer: { learningRate: NaN } },
      { optimizer: { msharpness: 2.5 } },
      { dataset: { size: 3 } },
      { model: { hidden: [32, 0] } },
      { model: { hidden: [1, 1, 1, 1, 1, 1, 1] } },
      { batchSize: 0 },
      { seeds: { noise: 0.5 } },
    ];
    for (const patch of bad) expect(reduce(S, { type: 'patchTraining', patch })).toBe(S);
    // Not in the type, but a cast or a stale permalink could send it: rejected just the same.
    const smuggled = { optimizer: { kind: 'lbfgs' } } as unknown as { optimizer: { kind: 'sgd' } };
    expect(reduce(S, { type: 'patchTraining', patch: smuggled })).toBe(S);
  });

  it('returns the same object when a patch changes nothing', () => {
    expect(reduce(S, { type: 'patchTraining', patch: {} })).toBe(S);
    expect(reduce(S, { type: 'patchTraining', patch: { optimizer: { rho: S.training.optimizer.rho } } })).toBe(S);
    expect(reduce(S, { type: 'patchTraining', patch: { model: { hidden: [...S.training.model.hidden] } } })).toBe(S);
  });

  it('applies a preset wholesale, validated, and strips unknown keys', () => {
    const changed = reduce(S, { type: 'patchTraining', patch: { optimizer: { kind: 'sgd', learningRate: 3 }, batchSize: 5 } });
    const restored = reduce(changed, { type: 'applyTrainingPreset', config: OFFICIAL_BSAM_DEMO });
    expect(restored.training).toEqual(OFFICIAL_BSAM_DEMO);
    expect(reduce(S, { type: 'applyTrainingPreset', config: OFFICIAL_BSAM_DEMO })).toBe(S);
    const invalid: TrainingConfig = { ...OFFICIAL_BSAM_DEMO, epochs: -1 };
    expect(reduce(changed, { type: 'applyTrainingPreset', config: invalid })).toBe(changed);
    const extra = { ...OFFICIAL_BSAM_DEMO, extra: true } as TrainingConfig;
    expect(reduce(changed, { type: 'applyTrainingPreset', config: extra }).training).toEqual(OFFICIAL_BSAM_DEMO);
  });
});
