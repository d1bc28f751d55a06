/**
 * Plot geometry of the (m, σ) panel in its two coordinate systems:
 * - 'msigma': x = m (linear), y = σ (log, so the log-spaced grid rows are evenly spaced);
 * - 'mean':   x = μ₁ = m, y = μ₂ = m² + σ² (linear, the coordinates in which −B is convex,
 *   theory.md §2 fact 6). Only μ₂ > μ₁² is feasible (σ > 0); the parabola μ₂ = μ₁² bounds it.
 */
import { scaleLinear, scaleLog } from 'd3';
import type { ScaleLinear, ScaleLogarithmic } from 'd3';
import type { MSigmaState } from '../../state/experiment.ts';

export type Coords = MSigmaState['coords'];

export interface Domain {
  mFrom: number;
  mTo: number;
  sigmaFrom: number;
  sigmaTo: number;
}

export interface ScreenPoint {
  m: number;
  /** √(μ₂ − μ₁²) in mean coordinates; 0 below the parabola. */
  sigma: number;
  /** False below the parabola μ₂ = μ₁² (mean coordinates only). */
  feasible: boolean;
}

export interface PlotView {
  coords: Coords;
  width: number;
  height: number;
  domain: Domain;
  x: ScaleLinear<number, number>;
  /** The y scale: log σ or linear μ₂. */
  y: ScaleLogarithmic<number, number> | ScaleLinear<number, number>;
  toScreen(m: number, sigma: number): [number, number];
  fromScreen(px: number, py: number): ScreenPoint;
}

export function makeView(coords: Coords, width: number, height: number, domain: Domain): PlotView {
  const x = scaleLinear().domain([domain.mFrom, domain.mTo]).range([0, width]);
  if (coords === 'msigma') {
    const y = scaleLog().domain([domain.sigmaFrom, domain.sigmaTo]).range([height, 0]);
    return {
      coords,
      width,
      height,
      domain,
      x,
      y,
      toScreen: (m, sigma) => [x(m), y(sigma)],
      fromScreen: (px, py) => ({ m: x.invert(px), sigma: y.invert(py), feasible: true }),
    };
  }
  // Start at 0 so the parabola's vertex and the infeasible region are visible.
  const top = Math.max(domain.mFrom ** 2, domain.mTo ** 2) + domain.sigmaTo ** 2;
  const y = scaleLinear().domain([0, top]).range([height, 0]);
  return {
    coords,
    width,
    height,
    domain,
    x,
    y,
    toScreen: (m, sigma) => [x(m), y(m * m + sigma * sigma)],
    fromScreen: (px, py) => {
      const mu1 = x.invert(px);
      const variance = y.invert(py) - mu1 * mu1;
      return { m: mu1, sigma: Math.sqrt(Math.max(variance, 0)), feasible: variance > 0 };
    },
  };
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The (m, σ) that a click at a screen point selects: clamped into the plotted ranges. */
export function selectionAt(view: PlotView, px: number, py: number): { m: number; sigma: number } {
  const p = view.fromScreen(px, py);
  const { mFrom, mTo, sigmaFrom, sigmaTo } = view.domain;
  return { m: clamp(p.m, mFrom, mTo), sigma: clamp(p.feasible ? p.sigma : sigmaFrom, sigmaFrom, sigmaTo) };
}
