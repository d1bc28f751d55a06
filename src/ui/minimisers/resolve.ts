import { resolveLossRange } from '../kit/resolve-loss-range.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import type { PathParams } from './minimiser-client.ts';

/**
 * Resolution of the path: 80 log-spaced σ (or ρ) values, 300 means per value (the minimiser is refined
 * by a parabola through its grid neighbours, so it is far finer than the 0.02 grid step on the default domain).
 */
export const PATH_VALUES = 80;
export const PATH_POINTS = 300;

export type ResolvedPath = { ok: true; params: PathParams } | { ok: false; reason: string };

/** The range swept on the path's axis: the (m, σ) map's σ range, or the path's own ρ range. */
export function sweptRange(state: ExperimentState): { from: number; to: number } {
  return state.minimisers.axis === 'rho'
    ? { from: state.minimisers.rhoFrom, to: state.minimisers.rhoTo }
    : { from: state.msigma.sigmaFrom, to: state.msigma.sigmaTo };
}

/**
 * The worker request for a state: the 1-D panel's loss and domain, swept over σ (the (m, σ) map's σ range,
 * ρ held at the 1-D panel's) or over ρ (the path's ρ range, σ held at the 1-D panel's), all in the
 * permalink. The swept parameter's current value is not in the request (the worker does not read it), so
 * moving it — clicking the plot, or Play — never recomputes the path.
 */
export function resolvePathParams(state: ExperimentState): ResolvedPath {
  const resolved = resolveLossRange(state);
  if (!resolved.ok) return resolved;
  const { expression, from, to } = resolved.range;
  const { axis } = state.minimisers;
  const { from: sweepFrom, to: sweepTo } = sweptRange(state);
  if (!(sweepFrom > 0 && sweepFrom < sweepTo)) return { ok: false, reason: 'The ρ range must satisfy 0 < ρ from < ρ to.' };
  // The swept one of σ and ρ is sent as its range's start: a fixed value, so the request does not change with it.
  const sigma = axis === 'sigma' ? sweepFrom : state.landscape1d.sigma;
  const rho = axis === 'rho' ? sweepFrom : state.landscape1d.rho;
  return { ok: true, params: { expression, from, to, points: PATH_POINTS, axis, sigma, rho, sweepFrom, sweepTo, sweepPoints: PATH_VALUES } };
}
