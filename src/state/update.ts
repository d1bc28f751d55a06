/**
 * Pure transitions of the experiment state. The UI dispatches these actions and nothing else mutates
 * the state. Every transition validates its input and returns the SAME object when the input is
 * rejected or changes nothing, so a bad value can never reach the state and React can skip renders.
 */
import { compileExpression } from '../math/expression.ts';
import type { ObjectiveName } from '../math/objectives.ts';
import { findPreset } from '../math/presets.ts';
import { findPreset2D } from '../math/landscape2d/presets2d.ts';
import type { ExperimentState, Landscape1DState, Landscape2DState, LossSpec, Map2D, MSigmaState, PathOptimizer } from './experiment.ts';
import { DEFAULT_STATE, landscape1dSchema, landscape2dSchema, lossSpecSchema, msigmaSchema, rhoSchema, sigmaSchema, VIEW_2D_LIMIT } from './experiment.ts';
import { numberBounds } from './schema-bounds.ts';
import type { NumberBounds, Schema } from './schema-bounds.ts';
import type { ExperimentPanelState } from './fashion-experiment.ts';
import type { MinimisersState } from './minimisers.ts';
import { minimisersSchema } from './minimisers.ts';
import { experimentPanelSchema } from './fashion-experiment.ts';
import { trainingSchema } from './training.ts';
import type { TrainingConfig } from './training.ts';

/** σ's and ρ's ranges (1-D and 2-D panels), read from the schema. */
export const LIMITS = {
  sigma: numberBounds(sigmaSchema),
  rho: numberBounds(rhoSchema),
} as const;

export type Action =
  | { type: 'setSigma'; sigma: number }
  | { type: 'setRho'; rho: number }
  | { type: 'setM'; m: number }
  /** The plotted domain [from, to] of m and the number of grid points. */
  | { type: 'setDomain1D'; domain: Partial<Pick<Landscape1DState, 'from' | 'to' | 'points'>> }
  | { type: 'setLossExpression'; text: string }
  | { type: 'applyPreset'; id: string }
  | { type: 'setVisible'; name: ObjectiveName; visible: boolean }
  /** A click in the (m, σ) heatmap selects both coordinates at once. */
  | { type: 'selectMSigma'; m: number; sigma: number }
  | { type: 'patchMSigma'; patch: Partial<MSigmaState> }
  /** The minimiser path's axis (σ or ρ) and ρ range. */
  | { type: 'patchMinimisers'; patch: Partial<MinimisersState> }
  | { type: 'patchTraining'; patch: TrainingPatch }
  | { type: 'patchExperiment'; patch: ExperimentPanelPatch }
  | { type: 'applyTrainingPreset'; config: TrainingConfig }
  | { type: 'set2DSigma'; sigma: number }
  | { type: 'set2DRho'; rho: number }
  | { type: 'set2DLossExpression'; text: string }
  | { type: 'apply2DPreset'; id: string }
  | { type: 'set2DStart'; x: number; y: number }
  | { type: 'set2DView'; view: View2DPatch }
  | { type: 'reset2DView' }
  | { type: 'patch2D'; patch: Landscape2DPatch };

export interface View2DPatch {
  xFrom: number;
  xTo: number;
  yFrom: number;
  yTo: number;
}

/** Settings of the 2-D panel that are set directly; the maps and paths shown are merged name by name. */
export type Landscape2DPatch = Partial<Pick<Landscape2DState, 'points' | 'selected' | 'learningRate' | 'steps' | 'dataSize' | 'seed'>> & {
  visible?: Partial<Record<Map2D, boolean>>;
  paths?: Partial<Record<PathOptimizer, boolean>>;
};

/** A change to the training config: top-level fields replace, the sub-objects are merged field by field. */
export type TrainingPatch = Partial<Omit<TrainingConfig, 'dataset' | 'model' | 'optimizer' | 'seeds'>> & {
  dataset?: Partial<TrainingConfig['dataset']>;
  model?: Partial<TrainingConfig['model']>;
  optimizer?: Partial<TrainingConfig['optimizer']>;
  seeds?: Partial<TrainingConfig['seeds']>;
};

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function withLandscape(state: ExperimentState, patch: Partial<Landscape1DState>): ExperimentState {
  const cur = state.landscape1d;
  const changed = (Object.keys(patch) as (keyof Landscape1DState)[]).some((k) => patch[k] !== cur[k]);
  return changed ? { ...state, landscape1d: { ...cur, ...patch } } : state;
}

/** σ is clamped into LIMITS; a non-finite σ is rejected (state unchanged). */
export function setSigma(state: ExperimentState, sigma: number): ExperimentState {
  if (!Number.isFinite(sigma)) return state;
  return withLandscape(state, { sigma: clamp(sigma, LIMITS.sigma.min, LIMITS.sigma.max) });
}

export function setRho(state: ExperimentState, rho: number): ExperimentState {
  if (!Number.isFinite(rho)) return state;
  return withLandscape(state, { rho: clamp(rho, LIMITS.rho.min, LIMITS.rho.max) });
}

/** m stays inside the plotted domain, where it can be seen and dragged. */
export function setM(state: ExperimentState, m: number): ExperimentState {
  if (!Number.isFinite(m)) return state;
  const { from, to } = state.landscape1d;
  return withLandscape(state, { m: clamp(m, from, to) });
}

/**
 * A new domain or grid size, validated by the schema as a whole (from < to, points in bounds); m is carried
 * into the new domain, where it can be seen and dragged. An invalid domain leaves the state as it was.
 */
export function setDomain1D(state: ExperimentState, domain: Partial<Pick<Landscape1DState, 'from' | 'to' | 'points'>>): ExperimentState {
  const next = { ...state.landscape1d, ...domain };
  if (!landscape1dSchema.safeParse(next).success) return state;
  return withLandscape(state, { from: next.from, to: next.to, points: next.points, m: clamp(next.m, next.from, next.to) });
}

/**
 * A typed loss replaces the spec only when it compiles, so the state always names a valid loss
 * (the text field keeps the invalid draft and its error on its own).
 */
export function setLossExpression(state: ExperimentState, text: string): ExperimentState {
  const spec: LossSpec = { kind: 'expression', text };
  if (!lossSpecSchema.safeParse(spec).success) return state;
  if (!compileExpression(text, ['theta']).ok) return state;
  const cur = state.landscape1d.loss;
  if (cur.kind === 'expression' && cur.text === text) return state;
  return { ...state, landscape1d: { ...state.landscape1d, loss: spec } };
}

/** Choosing a preset also takes its suggested domain, σ, ρ and m. Unknown ids are ignored. */
export function applyPreset(state: ExperimentState, id: string): ExperimentState {
  const preset = findPreset(id);
  if (!preset || !(preset.from < preset.to)) return state;
  return {
    ...state,
    landscape1d: {
      ...state.landscape1d,
      loss: { kind: 'preset', id: preset.id },
      from: preset.from,
      to: preset.to,
      sigma: clamp(preset.sigma, LIMITS.sigma.min, LIMITS.sigma.max),
      rho: clamp(preset.rho, LIMITS.rho.min, LIMITS.rho.max),
      m: clamp(preset.m, preset.from, preset.to),
    },
  };
}

export function setVisible(state: ExperimentState, name: ObjectiveName, visible: boolean): ExperimentState {
  const cur = state.landscape1d.visible;
  if (cur[name] === visible) return state;
  return { ...state, landscape1d: { ...state.landscape1d, visible: { ...cur, [name]: visible } } };
}

/** Heatmap settings are merged and validated as a whole; an invalid merge is rejected. */
export function patchMSigma(state: ExperimentState, patch: Partial<MSigmaState>): ExperimentState {
  const next = { ...state.msigma, ...patch };
  if (!msigmaSchema.safeParse(next).success || next.sigmaFrom >= next.sigmaTo) return state;
  const changed = (Object.keys(next) as (keyof MSigmaState)[]).some((k) => next[k] !== state.msigma[k]);
  return changed ? { ...state, msigma: next } : state;
}

/** A change that leaves an invalid section (an empty ρ range) is rejected: the state stays the same object. */
export function patchMinimisers(state: ExperimentState, patch: Partial<MinimisersState>): ExperimentState {
  const parsed = minimisersSchema.safeParse({ ...state.minimisers, ...patch });
  if (!parsed.success) return state;
  const next = parsed.data;
  const changed = (Object.keys(next) as (keyof MinimisersState)[]).some((k) => next[k] !== state.minimisers[k]);
  return changed ? { ...state, minimisers: next } : state;
}

/** Configs are small plain JSON; comparing serialisations is exact for them (key order is the schema's). */
function sameConfig(a: TrainingConfig, b: TrainingConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Replaces the training config with a validated one. zod's parse output is stored (not the input), so
 * unknown keys smuggled into a patch or preset are stripped; a rejected or unchanged config keeps the
 * same state object, which is what tells the training worker that nothing needs rebuilding.
 */
function withTraining(state: ExperimentState, candidate: unknown): ExperimentState {
  const parsed = trainingSchema.safeParse(candidate);
  if (!parsed.success || sameConfig(parsed.data, state.training)) return state;
  return { ...state, training: parsed.data };
}

/** Deep-merges the dataset, model, optimizer and seeds sub-objects; arrays (hidden sizes) replace. */
export function patchTraining(state: ExperimentState, patch: TrainingPatch): ExperimentState {
  const cur = state.training;
  return withTraining(state, {
    ...cur,
    ...patch,
    dataset: { ...cur.dataset, ...patch.dataset },
    model: { ...cur.model, ...patch.model },
    optimizer: { ...cur.optimizer, ...patch.optimizer },
    seeds: { ...cur.seeds, ...patch.seeds },
  });
}

/** A change to the Fashion-MNIST experiment panel: optimizer flags merge one by one, the rest replace. */
export type ExperimentPanelPatch = Partial<Omit<ExperimentPanelState, 'optimizers'>> & { optimizers?: Partial<ExperimentPanelState['optimizers']> };

/** Validated against the schema: an out-of-range value leaves the state as it was (the fields say why). */
export function patchExperiment(state: ExperimentState, patch: ExperimentPanelPatch): ExperimentState {
  const cur = state.experiment;
  const parsed = experimentPanelSchema.safeParse({ ...cur, ...patch, optimizers: { ...cur.optimizers, ...patch.optimizers } });
  if (!parsed.success || JSON.stringify(parsed.data) === JSON.stringify(cur)) return state;
  return { ...state, experiment: parsed.data };
}

export function applyTrainingPreset(state: ExperimentState, config: TrainingConfig): ExperimentState {
  return withTraining(state, config);
}

// ---------------------------------------------------------------------------------------------
// The 2-D panel

/** A 2-D state candidate replaces the current one only if it is valid and differs (same rules as above). */
function withLandscape2D(state: ExperimentState, candidate: Landscape2DState): ExperimentState {
  if (!landscape2dSchema.safeParse(candidate).success) return state;
  const cur = state.landscape2d;
  if (JSON.stringify(candidate) === JSON.stringify(cur)) return state;
  return { ...state, landscape2d: candidate };
}

export function set2DSigma(state: ExperimentState, sigma: number): ExperimentState {
  if (!Number.isFinite(sigma)) return state;
  return withLandscape2D(state, { ...state.landscape2d, sigma: clamp(sigma, LIMITS.sigma.min, LIMITS.sigma.max) });
}

export function set2DRho(state: ExperimentState, rho: number): ExperimentState {
  if (!Number.isFinite(rho)) return state;
  return withLandscape2D(state, { ...state.landscape2d, rho: clamp(rho, LIMITS.rho.min, LIMITS.rho.max) });
}

/** Only text that compiles in x and y replaces the loss (the field keeps an invalid draft by itself). */
export function set2DLossExpression(state: ExperimentState, text: string): ExperimentState {
  if (!compileExpression(text, ['x', 'y']).ok) return state;
  return withLandscape2D(state, { ...state.landscape2d, loss: { kind: 'expression', text } });
}

/** A 2-D preset brings its view, σ, ρ, start point and learning rate. Unknown ids are ignored. */
export function apply2DPreset(state: ExperimentState, id: string): ExperimentState {
  const p = findPreset2D(id);
  if (!p) return state;
  const { xFrom, xTo, yFrom, yTo } = p;
  return withLandscape2D(state, {
    ...state.landscape2d,
    loss: { kind: 'preset', id: p.id },
    xFrom,
    xTo,
    yFrom,
    yTo,
    sigma: clamp(p.sigma, LIMITS.sigma.min, LIMITS.sigma.max),
    rho: clamp(p.rho, LIMITS.rho.min, LIMITS.rho.max),
    startX: clamp(p.startX, xFrom, xTo),
    startY: clamp(p.startY, yFrom, yTo),
    learningRate: p.learningRate,
  });
}

/** The start point stays inside the view, where it can be seen and dragged. */
export function set2DStart(state: ExperimentState, x: number, y: number): ExperimentState {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return state;
  const s = state.landscape2d;
  return withLandscape2D(state, { ...s, startX: clamp(x, s.xFrom, s.xTo), startY: clamp(y, s.yFrom, s.yTo) });
}

/** Smallest view width, relative to the coordinates' size: below it the grid spacing would drown in rounding. */
const MIN_VIEW_SPAN = 1e-6;

/** Zoom and pan: a view must be ordered, inside ±VIEW_2D_LIMIT and not degenerate; else it is rejected. */
export function set2DView(state: ExperimentState, view: View2DPatch): ExperimentState {
  const { xFrom, xTo, yFrom, yTo } = view;
  const span = (a: number, b: number) => b - a > MIN_VIEW_SPAN * Math.max(1, Math.abs(a), Math.abs(b));
  if (![xFrom, xTo, yFrom, yTo].every((v) => Number.isFinite(v) && Math.abs(v) <= VIEW_2D_LIMIT)) return state;
  if (!span(xFrom, xTo) || !span(yFrom, yTo)) return state;
  return withLandscape2D(state, { ...state.landscape2d, xFrom, xTo, yFrom, yTo });
}

/** Back to the preset's view (or the default one for a typed expression). */
export function reset2DView(state: ExperimentState): ExperimentState {
  const spec = state.landscape2d.loss;
  const home = (spec.kind === 'preset' ? findPreset2D(spec.id) : undefined) ?? DEFAULT_STATE.landscape2d;
  return set2DView(state, { xFrom: home.xFrom, xTo: home.xTo, yFrom: home.yFrom, yTo: home.yTo });
}

export function patch2D(state: ExperimentState, patch: Landscape2DPatch): ExperimentState {
  const cur = state.landscape2d;
  return withLandscape2D(state, {
    ...cur,
    ...patch,
    visible: { ...cur.visible, ...patch.visible },
    paths: { ...cur.paths, ...patch.paths },
  });
}

export function reduce(state: ExperimentState, action: Action): ExperimentState {
  switch (action.type) {
    case 'setSigma':
      return setSigma(state, action.sigma);
    case 'setRho':
      return setRho(state, action.rho);
    case 'setM':
      return setM(state, action.m);
    case 'setDomain1D':
      return setDomain1D(state, action.domain);
    case 'setLossExpression':
      return setLossExpression(state, action.text);
    case 'applyPreset':
      return applyPreset(state, action.id);
    case 'setVisible':
      return setVisible(state, action.name, action.visible);
    case 'selectMSigma':
      return setM(setSigma(state, action.sigma), action.m);
    case 'patchMSigma':
      return patchMSigma(state, action.patch);
    case 'patchMinimisers':
      return patchMinimisers(state, action.patch);
    case 'patchTraining':
      return patchTraining(state, action.patch);
    case 'patchExperiment':
      return patchExperiment(state, action.patch);
    case 'applyTrainingPreset':
      return applyTrainingPreset(state, action.config);
    case 'set2DSigma':
      return set2DSigma(state, action.sigma);
    case 'set2DRho':
      return set2DRho(state, action.rho);
    case 'set2DLossExpression':
      return set2DLossExpression(state, action.text);
    case 'apply2DPreset':
      return apply2DPreset(state, action.id);
    case 'set2DStart':
      return set2DStart(state, action.x, action.y);
    case 'set2DView':
      return set2DView(state, action.view);
    case 'reset2DView':
      return reset2DView(state);
    case 'patch2D':
      return patch2D(state, action.patch);
  }
}

/** The text of the loss as an expression in theta (what the expression field shows). */
export function lossSourceText(spec: LossSpec): string | null {
  if (spec.kind === 'expression') return spec.text;
  return findPreset(spec.id)?.expression ?? null;
}

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

// Plain decimal or scientific notation only: `Number()` would accept '', '0x1f', 'Infinity' and ' '.
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parse a typed number strictly and check it lies in [min, max] (or (min, max] if minExclusive). */
export function parseBounded(
  text: string,
  bounds: { min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean },
  name: string,
): ParseResult {
  const t = text.trim();
  if (t === '') return { ok: false, message: `Enter a value for ${name}.` };
  if (!NUMBER_RE.test(t)) return { ok: false, message: `“${t}” is not a number (use e.g. 0.25 or 1e-2).` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, message: `${name} must be finite.` };
  const { min, max, minExclusive, maxExclusive } = bounds;
  const tooSmall = minExclusive ? value <= min : value < min;
  const tooLarge = maxExclusive ? value >= max : value > max;
  if (tooSmall || tooLarge) {
    const lo = minExclusive ? `greater than ${min}` : `at least ${min}`;
    const hi = maxExclusive ? `less than ${max}` : `at most ${max}`;
    return { ok: false, message: `${name} must be ${lo} and ${hi}.` };
  }
  return { ok: true, value };
}

/**
 * Typed text for a state field, checked against the field's bounds as the schema states them (whole
 * numbers where it asks for integers): every control validates through here, so no control copies a bound.
 */
export function parseField(text: string, field: Schema | NumberBounds, name: string): ParseResult {
  const b = '_zod' in field ? numberBounds(field) : field;
  const r = parseBounded(text, b, name);
  if (r.ok && b.integer && !Number.isInteger(r.value)) return { ok: false, message: `${name} must be a whole number.` };
  return r;
}
