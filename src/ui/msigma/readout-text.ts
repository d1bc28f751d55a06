/** The words of the (m, σ) panel's status line and readouts, from the numbers they describe. */
import { formatMapValue, formatNumber } from '../kit/format.ts';
import type { GridState } from './use-msigma-grid.ts';
import type { Coords, ScreenPoint } from './view.ts';

/** A point named in (m, σ), and in the mean parameters too when the plot shows those. */
export function pointText(coords: Coords, m: number, sigma: number): string {
  const mean = coords === 'mean' ? ` (μ₁ = ${formatNumber(m)}, μ₂ = ${formatNumber(m * m + sigma * sigma)})` : '';
  return `m = ${formatNumber(m)}, σ = ${formatNumber(sigma)}${mean}`;
}

/** The hover line: the map's value under the pointer (to the map's resolution), or why there is none. */
export function hoverText(hover: ScreenPoint | null, coords: Coords, symbol: string, sample: (m: number, sigma: number) => number | undefined): string {
  if (!hover) return 'Hover over the map to read values.';
  if (!hover.feasible) return `μ₁ = ${formatNumber(hover.m)}: infeasible, μ₂ < μ₁²`;
  return `${pointText(coords, hover.m, hover.sigma)}: ${symbol} ≈ ${formatMapValue(sample(hover.m, hover.sigma))}`;
}

/** The current point's line: its exactly computed value, why it was not computed, or that it is on its way. */
export function currentText(coords: Coords, m: number, sigma: number, symbol: string, value: number | null, error: string | null): string {
  const said = value !== null ? formatMapValue(value) : error !== null ? `not computed (${error})` : 'computing…';
  return `${pointText(coords, m, sigma)}: ${symbol} = ${said}`;
}

export function gridStatusText({ status, elapsedMs, where }: Pick<GridState, 'status' | 'elapsedMs' | 'where'>): string {
  if (status === 'computing') return 'computing…';
  if (status === 'error') return 'error';
  return `ready${elapsedMs !== null ? ` (${Math.round(elapsedMs)} ms, ${where})` : ''}`;
}
