import { findPreset } from '../../math/presets.ts';
import type { ExperimentState } from '../../state/experiment.ts';

/** The 1-D loss as text, its m-domain and the (m, σ) map's σ range: what the σ-sweeping workers are sent. */
export interface LossRange {
  expression: string;
  from: number;
  to: number;
  sigmaFrom: number;
  sigmaTo: number;
}

export type ResolvedLossRange = { ok: true; range: LossRange } | { ok: false; reason: string };

/**
 * The loss, domain and σ range of a state, or why they cannot be computed. A preset is sent as its
 * expression text: functions cannot be posted to a worker.
 */
export function resolveLossRange(state: ExperimentState): ResolvedLossRange {
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
  return { ok: true, range: { expression, from, to, sigmaFrom, sigmaTo } };
}
