import { findPreset } from '../../math/presets.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import type { GridParams } from './landscape-client.ts';

/** Grid resolution of the panel: 200 m-columns × 100 log-spaced σ-rows. */
export const M_POINTS = 200;
export const SIGMA_POINTS = 100;

export type ResolvedParams = { ok: true; params: GridParams } | { ok: false; reason: string };

/**
 * The worker request for a state. Only the loss, the m-domain and the σ-range go in, so moving
 * the current (m, σ) never changes it. A preset is sent as its expression text: functions cannot
 * be posted to a worker.
 */
export function resolveGridParams(state: ExperimentState): ResolvedParams {
  const { loss, from, to } = state.landscape1d;
  const { sigmaFrom, sigmaTo } = state.msigma;
  let expression: string;
  if (loss.kind === 'preset') {
    const preset = findPreset(loss.id);
    if (!preset) return { ok: false, reason: `Unknown loss preset “${loss.id}”.` };
    expression = preset.expression;
  } else expression = loss.text;
  if (expression.trim() === '') return { ok: false, reason: 'Type a loss expression in θ.' };
  if (!(from < to)) return { ok: false, reason: 'The m-domain is empty (from ≥ to).' };
  if (!(sigmaFrom > 0 && sigmaFrom < sigmaTo)) return { ok: false, reason: 'The σ range must satisfy 0 < σ from < σ to.' };
  return { ok: true, params: { expression, mFrom: from, mTo: to, mPoints: M_POINTS, sigmaFrom, sigmaTo, sigmaPoints: SIGMA_POINTS } };
}
