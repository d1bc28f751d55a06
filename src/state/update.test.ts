import { describe, expect, it } from 'vitest';
import { compileExpression } from '../math/expression.ts';
import { LOSS_2D_PRESETS } from '../math/landscape2d/presets2d.ts';
import { LOSS_PRESETS } from '../math/presets.ts';
import { DEFAULT_STATE, experimentStateSchema } from './experiment.ts';
import { OFFICIAL_BSAM_DEMO, trainingSchema } from './training.ts';
import type { TrainingConfig } from './training.ts';
import { LIMITS, lossSourceText, parseBounded, parseField, reduce } from './update.ts';
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

  it('sets the 1-D domain and grid as a whole: from < to and points within the schema, m carried inside; else unchanged', () => {
    const wide = reduce(S, { type: 'setDomain1D', domain: { from: -10, to: 10, points: 2001 } });
    expect(wide.landscape1d).toMatchObject({ from: -10, to: 10, points: 2001, m: S.landscape1d.m });
    expect(experimentStateSchema.safeParse(wide).success).toBe(true);
    // m = 0.5 by default: a domain that leaves it outside carries it to the nearer end.
    expect(reduce(S, { type: 'setDomain1D', domain: { from: 1, to: 4 } }).landscape1d.m).toBe(1);
    for (const bad of [{ from: 3 }, { to: -3 }, { from: 1, to: 1 }, { points: 1 }, { points: 1_000_001 }, { points: 2.5 }, { from: NaN }, { to: Infinity }]) {
      expect(reduce(S, { type: 'setDomain1D', domain: bad })).toBe(S);
    }
    expect(reduce(S, { type: 'setDomain1D', domain: { points: S.landscape1d.points } })).toBe(S);
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

describe('parseField: typed text against the schema bounds of a state field', () => {
  it('accepts whole numbers in range only where the schema asks for integers', () => {
    const batch = trainingSchema.shape.batchSize;
    expect(parseField('30', batch, 'The batch size')).toEqual({ ok: true, value: 30 });
    expect(parseField('2.5', batch, 'The batch size')).toEqual({ ok: false, message: 'The batch size must be a whole number.' });
    expect(parseField('0', batch, 'The batch size')).toEqual({ ok: false, message: 'The batch size must be at least 1 and at most 5000.' });
    expect(parseField('1e2', batch, 'The batch size')).toEqual({ ok: true, value: 100 });
  });

  it('reads exclusive bounds and the shared σ range', () => {
    expect(parseField('0', trainingSchema.shape.optimizer.shape.learningRate, 'α')).toEqual({ ok: false, message: 'α must be greater than 0 and at most 10000.' });
    expect(parseField('1e-4', LIMITS.sigma, 'σ')).toEqual({ ok: true, value: 1e-4 });
    expect(parseField('1e-5', LIMITS.sigma, 'σ').ok).toBe(false);
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

describe('2-D panel actions', () => {
  const S2 = S.landscape2d;
  const valid = (s: typeof S) => experimentStateSchema.safeParse(s).success;

  it('the default 2-D state is valid and equals its preset', () => {
    expect(valid(S)).toBe(true);
    const p = LOSS_2D_PRESETS.find((q) => q.id === 'sharp-flat-2d');
    expect(S2.loss).toEqual({ kind: 'preset', id: 'sharp-flat-2d' });
    expect(S2).toMatchObject({ xFrom: p?.xFrom, xTo: p?.xTo, yFrom: p?.yFrom, yTo: p?.yTo, sigma: p?.sigma, rho: p?.rho, startX: p?.startX, startY: p?.startY, learningRate: p?.learningRate });
  });

  it('σ and ρ are clamped, non-finite values rejected, and the 1-D panel is untouched', () => {
    expect(reduce(S, { type: 'set2DSigma', sigma: 0.8 }).landscape2d.sigma).toBe(0.8);
    expect(reduce(S, { type: 'set2DSigma', sigma: 0.8 }).landscape1d).toBe(S.landscape1d);
    expect(reduce(S, { type: 'set2DSigma', sigma: -1 }).landscape2d.sigma).toBe(LIMITS.sigma.min);
    expect(reduce(S, { type: 'set2DRho', rho: 1e9 }).landscape2d.rho).toBe(LIMITS.rho.max);
    expect(reduce(S, { type: 'set2DSigma', sigma: NaN })).toBe(S);
    expect(reduce(S, { type: 'set2DRho', rho: Infinity })).toBe(S);
    expect(reduce(S, { type: 'set2DSigma', sigma: S2.sigma })).toBe(S);
  });

  it('a typed expression in x and y replaces the loss only when it compiles', () => {
    const next = reduce(S, { type: 'set2DLossExpression', text: 'x^2 + y^2' });
    expect(next.landscape2d.loss).toEqual({ kind: 'expression', text: 'x^2 + y^2' });
    expect(reduce(S, { type: 'set2DLossExpression', text: 'x +* y' })).toBe(S);
    expect(reduce(S, { type: 'set2DLossExpression', text: 'theta^2' })).toBe(S); // 1-D variable
    expect(reduce(S, { type: 'set2DLossExpression', text: 'x'.repeat(501) })).toBe(S);
  });

  it('a preset brings its view, σ, ρ, start and learning rate; unknown ids are ignored', () => {
    for (const p of LOSS_2D_PRESETS) {
      const next = reduce(reduce(S, { type: 'set2DSigma', sigma: 7 }), { type: 'apply2DPreset', id: p.id });
      expect(next.landscape2d).toMatchObject({ loss: { kind: 'preset', id: p.id }, xFrom: p.xFrom, yTo: p.yTo, sigma: p.sigma, rho: p.rho, startX: p.startX, startY: p.startY, learningRate: p.learningRate });
      expect(valid(next)).toBe(true);
      expect(compileExpression(p.expression, ['x', 'y']).ok).toBe(true);
    }
    expect(reduce(S, { type: 'apply2DPreset', id: 'nope' })).toBe(S);
  });

  it('the start point is clamped into the view', () => {
    expect(reduce(S, { type: 'set2DStart', x: 1, y: -2 }).landscape2d).toMatchObject({ startX: 1, startY: -2 });
    expect(reduce(S, { type: 'set2DStart', x: 100, y: -100 }).landscape2d).toMatchObject({ startX: S2.xTo, startY: S2.yFrom });
    expect(reduce(S, { type: 'set2DStart', x: NaN, y: 0 })).toBe(S);
  });

  it('zoom and pan accept ordered, bounded, non-degenerate views; reset returns to the preset view', () => {
    const zoomed = reduce(S, { type: 'set2DView', view: { xFrom: -1, xTo: 1, yFrom: 0, yTo: 0.5 } });
    expect(zoomed.landscape2d).toMatchObject({ xFrom: -1, xTo: 1, yFrom: 0, yTo: 0.5 });
    for (const view of [
      { xFrom: 1, xTo: -1, yFrom: 0, yTo: 1 },
      { xFrom: 0, xTo: 1, yFrom: 1, yTo: 1 },
      { xFrom: 0, xTo: 1e-9, yFrom: 0, yTo: 1 },
      { xFrom: -1e5, xTo: 1, yFrom: 0, yTo: 1 },
      { xFrom: NaN, xTo: 1, yFrom: 0, yTo: 1 },
    ])
      expect(reduce(S, { type: 'set2DView', view })).toBe(S);
    const back = reduce(zoomed, { type: 'reset2DView' });
    expect(back.landscape2d).toMatchObject({ xFrom: -3, xTo: 3, yFrom: -3, yTo: 3 });
    const typed = reduce(reduce(zoomed, { type: 'set2DLossExpression', text: 'x*y' }), { type: 'reset2DView' });
    expect(typed.landscape2d).toMatchObject({ xFrom: S2.xFrom, xTo: S2.xTo, yFrom: S2.yFrom, yTo: S2.yTo });
  });

  it('patches merge the shown maps and paths name by name and reject out-of-range settings', () => {
    const next = reduce(S, { type: 'patch2D', patch: { visible: { sam: false }, paths: { adam: false }, steps: 50, selected: 'relaxed' } });
    expect(next.landscape2d.visible).toEqual({ ...S2.visible, sam: false });
    expect(next.landscape2d.paths).toEqual({ ...S2.paths, adam: false });
    expect(next.landscape2d).toMatchObject({ steps: 50, selected: 'relaxed' });
    for (const patch of [{ steps: 0 }, { steps: 1.5 }, { points: 4 }, { points: 1000 }, { learningRate: 0 }, { dataSize: 0 }, { seed: -1 }]) {
      expect(reduce(S, { type: 'patch2D', patch })).toBe(S);
    }
    expect(reduce(S, { type: 'patch2D', patch: { steps: S2.steps } })).toBe(S);
  });
});
