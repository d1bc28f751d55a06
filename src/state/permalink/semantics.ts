/**
 * Rules the app needs beyond the schema's types and ranges, so that a link can only open a state the
 * panels can draw: a loss that exists and compiles, m inside the plotted domain, a domain that can be
 * drawn, and σ and ρ ranges (the heatmap's, the minimiser path's) that are not empty. These relate fields to each other or to the maths,
 * which a field's own range cannot say; ranges are the schema's alone (the decoder clamps into them).
 */
import { compileExpression } from '../../math/expression.ts';
import { findPreset } from '../../math/presets.ts';
import type { ExperimentState } from '../experiment.ts';
import { clamp } from '../update.ts';
import { formatNumber } from './leaf-codec.ts';
import type { LinkNotice } from './notices.ts';

type Rule = (state: ExperimentState, defaults: ExperimentState, notices: LinkNotice[]) => ExperimentState;

const knownLoss: Rule = (state, defaults, notices) => {
  const loss = state.landscape1d.loss;
  if (loss.kind === 'preset' && !findPreset(loss.id)) {
    notices.push({ key: 'l1.loss.id', problem: `there is no loss preset “${loss.id}”`, action: 'defaulted' });
  } else if (loss.kind === 'expression' && !compileExpression(loss.text, ['theta']).ok) {
    notices.push({ key: 'l1.loss.text', problem: `the loss “${loss.text}” does not compile`, action: 'defaulted' });
  } else {
    return state;
  }
  return { ...state, landscape1d: { ...state.landscape1d, loss: defaults.landscape1d.loss } };
};

/**
 * The plotted domain of m: the schema only asks for finite from < to, but ±1e308 overflows the width to
 * Infinity (NaN ticks) and a width of 1e-300 leaves no grid. Coordinates are bounded like the training
 * points' (±1e6), and the width must be resolvable.
 */
export const DOMAIN_LIMIT = 1e6;
export const MIN_DOMAIN_WIDTH = 1e-6;

const drawableDomain: Rule = (state, defaults, notices) => {
  const { from, to } = state.landscape1d;
  const ok = Math.abs(from) <= DOMAIN_LIMIT && Math.abs(to) <= DOMAIN_LIMIT && to - from >= MIN_DOMAIN_WIDTH;
  if (ok) return state;
  notices.push({ key: 'l1.from', problem: `the domain [${formatNumber(from)}, ${formatNumber(to)}] cannot be drawn (within ±${DOMAIN_LIMIT}, at least ${MIN_DOMAIN_WIDTH} wide)`, action: 'defaulted' });
  return { ...state, landscape1d: { ...state.landscape1d, from: defaults.landscape1d.from, to: defaults.landscape1d.to } };
};

const meanInsideDomain: Rule = (state, _defaults, notices) => {
  const { m, from, to } = state.landscape1d;
  const fixed = clamp(m, from, to);
  if (fixed === m) return state;
  notices.push({ key: 'l1.m', problem: `${formatNumber(m)} is outside the plotted domain [${formatNumber(from)}, ${formatNumber(to)}]`, action: 'clamped' });
  return { ...state, landscape1d: { ...state.landscape1d, m: fixed } };
};

const sigmaRangeNotEmpty: Rule = (state, defaults, notices) => {
  const { sigmaFrom, sigmaTo } = state.msigma;
  if (sigmaFrom < sigmaTo) return state;
  notices.push({ key: 'ms.sigmaTo', problem: `the σ range ${formatNumber(sigmaFrom)} … ${formatNumber(sigmaTo)} is empty`, action: 'defaulted' });
  return { ...state, msigma: { ...state.msigma, sigmaFrom: defaults.msigma.sigmaFrom, sigmaTo: defaults.msigma.sigmaTo } };
};

const rhoRangeNotEmpty: Rule = (state, defaults, notices) => {
  const { rhoFrom, rhoTo } = state.minimisers;
  if (rhoFrom < rhoTo) return state;
  notices.push({ key: 'mn.rhoTo', problem: `the ρ range ${formatNumber(rhoFrom)} … ${formatNumber(rhoTo)} is empty`, action: 'defaulted' });
  return { ...state, minimisers: { ...state.minimisers, rhoFrom: defaults.minimisers.rhoFrom, rhoTo: defaults.minimisers.rhoTo } };
};

const RULES: readonly Rule[] = [knownLoss, drawableDomain, meanInsideDomain, sigmaRangeNotEmpty, rhoRangeNotEmpty];

export function applyAppRules(state: ExperimentState, defaults: ExperimentState, notices: LinkNotice[]): ExperimentState {
  return RULES.reduce((s, rule) => rule(s, defaults, notices), state);
}
