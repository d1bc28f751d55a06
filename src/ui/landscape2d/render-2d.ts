/**
 * Pixels and contour paths of a 2-D map. Painting maps every screen pixel back to (x, y) and samples the
 * grid there, so a map computed for one view is drawn correctly (resampled) in another while the new
 * one is being computed: zoom and pan respond at once.
 */
import { scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import type { ColourMap } from '../kit/colour.ts';
import { makeColourMap } from '../kit/colour.ts';
import { gridContourPaths, sampleCells } from '../kit/grid-paint.ts';
import type { ContourPath } from '../kit/grid-paint.ts';
import { paintGrid } from '../kit/heatmap-paint.ts';

export type { ContourPath } from '../kit/grid-paint.ts';

export interface ViewRange {
  xFrom: number;
  xTo: number;
  yFrom: number;
  yTo: number;
}

export interface MapGeometry {
  range: ViewRange;
  width: number;
  height: number;
  x: ScaleLinear<number, number>;
  /** y grows upwards on screen. */
  y: ScaleLinear<number, number>;
}

export function mapGeometry(range: ViewRange, width: number, height: number): MapGeometry {
  return {
    range,
    width,
    height,
    x: scaleLinear().domain([range.xFrom, range.xTo]).range([0, width]),
    y: scaleLinear().domain([range.yFrom, range.yTo]).range([height, 0]),
  };
}

/** The grid's value at (x, y): bilinear between finite neighbours, else the nearest cell; undefined outside. */
export function sampleGrid(maps: Pick<Landscape2D, 'x' | 'y'>, values: Float64Array, x: number, y: number): number | undefined {
  const n = maps.x.length;
  const x0 = maps.x[0];
  const y0 = maps.y[0];
  const dx = (maps.x[n - 1] - x0) / (n - 1);
  const dy = (maps.y[n - 1] - y0) / (n - 1);
  const fi = (x - x0) / dx;
  const fj = (y - y0) / dy;
  return sampleCells(values, n, n, fi, fj);
}

/** Paints the map into `image` (device pixels) with the kit's painter; returns the number of pixels painted with a value colour. */
export function paintMap(image: ImageData, geometry: MapGeometry, maps: Pick<Landscape2D, 'x' | 'y'>, values: Float64Array, cmap: ColourMap, dpr: number): number {
  const n = maps.x.length;
  const x0 = maps.x[0];
  const y0 = maps.y[0];
  const dx = (maps.x[n - 1] - x0) / (n - 1);
  const dy = (maps.y[n - 1] - y0) / (n - 1);
  const mapping = { kind: 'separable', column: (x: number) => (geometry.x.invert(x) - x0) / dx, row: (y: number) => (geometry.y.invert(y) - y0) / dy } as const;
  return paintGrid(image, { values, cols: n, rows: n }, mapping, cmap, dpr);
}

/** One colour scale for all shown maps, so the lift of sam and relaxed over the loss reads directly. */
export function sharedColourMap(arrays: readonly Float64Array[]): ColourMap {
  let total = 0;
  for (const a of arrays) total += a.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  return makeColourMap(all, 'expected');
}

/** Contour lines (d3-contour) of a grid, in screen coordinates; non-finite cells are holes. */
export function contourPaths(maps: Pick<Landscape2D, 'x' | 'y'>, values: Float64Array, thresholds: readonly number[], geometry: MapGeometry): ContourPath[] {
  const n = maps.x.length;
  if (thresholds.length === 0 || n < 2) return [];
  const dx = (maps.x[n - 1] - maps.x[0]) / (n - 1);
  const dy = (maps.y[n - 1] - maps.y[0]) / (n - 1);
  return gridContourPaths(values, n, n, thresholds, (gx, gy) =>
    // Grid coordinate gx has cell i's centre at i + 0.5.
    [geometry.x(maps.x[0] + (gx - 0.5) * dx), geometry.y(maps.y[0] + (gy - 0.5) * dy)],
  ).filter((c) => c.d !== '');
}

/** Finite min and max of a grid (null when nothing is finite), for readouts and test hooks. */
export function finiteRange(values: Float64Array): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return min <= max ? { min, max } : null;
}

/** The view after zooming by `factor` (< 1 zooms in) about the point (cx, cy). */
export function zoomAbout(range: ViewRange, cx: number, cy: number, factor: number): ViewRange {
  return {
    xFrom: cx + (range.xFrom - cx) * factor,
    xTo: cx + (range.xTo - cx) * factor,
    yFrom: cy + (range.yFrom - cy) * factor,
    yTo: cy + (range.yTo - cy) * factor,
  };
}

export function panBy(range: ViewRange, dx: number, dy: number): ViewRange {
  return { xFrom: range.xFrom + dx, xTo: range.xTo + dx, yFrom: range.yFrom + dy, yTo: range.yTo + dy };
}
