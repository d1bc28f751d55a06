/**
 * Turning an (m, σ) grid into pixels and contour paths for either coordinate system. Both work by
 * mapping screen positions back to (m, σ) and sampling the grid there, so the mean-coordinate view
 * is a true resampling of the same data (no gaps between transformed cells).
 */
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';
import { gridContourPaths, sampleCells } from '../kit/grid-paint.ts';
import type { ContourPath, Rgb } from '../kit/grid-paint.ts';
import type { ColourMap } from '../kit/colour.ts';
import { paintGrid } from '../kit/heatmap-paint.ts';
import type { PlotView } from './view.ts';

export type { ContourPath } from '../kit/grid-paint.ts';

/** The grid's axes: m is linearly spaced, σ log-spaced (see MSigmaGrid). */
export interface GridAxes {
  n: number;
  rows: number;
  m0: number;
  dm: number;
  logSigma0: number;
  dLogSigma: number;
}

export function gridAxes(grid: MSigmaGrid): GridAxes {
  const n = grid.m.length;
  const rows = grid.sigma.length;
  const logSigma0 = Math.log(grid.sigma[0]);
  return {
    n,
    rows,
    m0: grid.m[0],
    dm: n > 1 ? (grid.m[n - 1] - grid.m[0]) / (n - 1) : 1,
    logSigma0,
    dLogSigma: rows > 1 ? (Math.log(grid.sigma[rows - 1]) - logSigma0) / (rows - 1) : 1,
  };
}

/**
 * The surface at (m, σ): bilinear between the four surrounding cells when they are all finite,
 * otherwise the nearest cell (so +∞/NaN regions keep sharp edges). undefined outside the grid.
 */
export function sampleAt(axes: GridAxes, values: Float64Array, m: number, sigma: number): number | undefined {
  const { n, rows } = axes;
  const fi = (m - axes.m0) / axes.dm;
  const fj = (Math.log(sigma) - axes.logSigma0) / axes.dLogSigma;
  return sampleCells(values, n, rows, fi, fj);
}

export const INFEASIBLE_COLOUR: Rgb = [236, 231, 222];

/** Paints the plot area into `image` (device pixels; `dpr` device pixels per CSS pixel) with the kit's painter. */
export function paintImage(image: ImageData, view: PlotView, axes: GridAxes, values: Float64Array, cmap: ColourMap, dpr: number): void {
  const cell = (x: number, y: number) => {
    const p = view.fromScreen(x, y);
    if (!p.feasible) return 'infeasible' as const;
    return p.sigma > 0 ? ([(p.m - axes.m0) / axes.dm, (Math.log(p.sigma) - axes.logSigma0) / axes.dLogSigma] as const) : null;
  };
  paintGrid(image, { values, cols: axes.n, rows: axes.rows }, { kind: 'pixel', cell, infeasible: INFEASIBLE_COLOUR }, cmap, dpr);
}

/** Contour lines (d3-contour) of the grid, mapped through the view; non-finite cells are holes. */
export function contourPaths(axes: GridAxes, values: Float64Array, thresholds: number[], view: PlotView): ContourPath[] {
  if (thresholds.length === 0 || axes.n < 2 || axes.rows < 2) return [];
  return gridContourPaths(values, axes.n, axes.rows, thresholds, (gx, gy) =>
    // Grid coordinate x has cell i's centre at i + 0.5.
    view.toScreen(axes.m0 + (gx - 0.5) * axes.dm, Math.exp(axes.logSigma0 + (gy - 0.5) * axes.dLogSigma)),
  );
}
