import { resolveLossRange } from '../kit/resolve-loss-range.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import type { PathParams } from './minimiser-client.ts';

/**
 * Resolution of the path: 80 log-spaced σ values, 300 means per σ (the minimiser is refined by a
 * parabola through its grid neighbours, so it is far finer than the 0.02 grid step on the default domain).
 */
export const PATH_SIGMAS = 80;
export const PATH_POINTS = 300;

export type ResolvedPath = { ok: true; params: PathParams } | { ok: false; reason: string };

/**
 * The worker request for a state: the 1-D panel's loss, domain and ρ over the (m, σ) map's σ range
 * (both in the permalink). The current σ and m are not in it, so moving them never recomputes.
 */
export function resolvePathParams(state: ExperimentState): ResolvedPath {
  const resolved = resolveLossRange(state);
  if (!resolved.ok) return resolved;
  const { expression, from, to, sigmaFrom, sigmaTo } = resolved.range;
  const { rho } = state.landscape1d;
  return { ok: true, params: { expression, from, to, points: PATH_POINTS, rho, sigmaFrom, sigmaTo, sigmaPoints: PATH_SIGMAS } };
}
