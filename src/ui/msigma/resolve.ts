import { resolveLossRange } from '../kit/resolve-loss-range.ts';
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
  const resolved = resolveLossRange(state);
  if (!resolved.ok) return resolved;
  const { expression, from, to, sigmaFrom, sigmaTo } = resolved.range;
  return { ok: true, params: { expression, mFrom: from, mTo: to, mPoints: M_POINTS, sigmaFrom, sigmaTo, sigmaPoints: SIGMA_POINTS } };
}
