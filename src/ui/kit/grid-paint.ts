/**
 * Sampling, pixel and contour helpers of the heatmaps (heatmap-paint.ts paints with them). The maps paint by
 * mapping each screen pixel back to a fractional grid cell, and both trace contours on grid indices;
 * only the coordinate mapping differs, so that is what the callers do themselves or pass in.
 */
import { contours } from 'd3';
import { lutIndex } from './colour.ts';
import type { ColourMap } from './colour.ts';

export type Rgb = readonly [number, number, number];

/** Writes an opaque pixel of colour `c` at byte offset `o` of RGBA `data`. */
export function putRgb(data: Uint8ClampedArray, o: number, c: Rgb): void {
  data[o] = c[0];
  data[o + 1] = c[1];
  data[o + 2] = c[2];
  data[o + 3] = 255;
}

/** Writes the colour map's opaque colour for the finite value `v` at byte offset `o`. */
export function putValueColour(data: Uint8ClampedArray, o: number, cmap: ColourMap, v: number): void {
  const k = 3 * lutIndex(cmap.t(v));
  data[o] = cmap.lut[k];
  data[o + 1] = cmap.lut[k + 1];
  data[o + 2] = cmap.lut[k + 2];
  data[o + 3] = 255;
}

/**
 * The value of an n × rows row-major grid at fractional cell (fi, fj): bilinear between the four
 * surrounding cells when they are all finite, otherwise the nearest cell (so +∞/NaN regions keep sharp
 * edges). undefined outside the grid (half a cell beyond the outer centres).
 */
export function sampleCells(values: ArrayLike<number>, n: number, rows: number, fi: number, fj: number): number | undefined {
  if (!(fi >= -0.5 && fi <= n - 0.5 && fj >= -0.5 && fj <= rows - 0.5)) return undefined;
  const ci = Math.min(n - 1, Math.max(0, fi));
  const cj = Math.min(rows - 1, Math.max(0, fj));
  const i0 = Math.min(n - 2, Math.floor(ci));
  const j0 = Math.min(rows - 2, Math.floor(cj));
  // A single row or column has nothing to interpolate with.
  if (i0 < 0 || j0 < 0) return values[Math.round(cj) * n + Math.round(ci)];
  const a = ci - i0;
  const b = cj - j0;
  const v00 = values[j0 * n + i0];
  const v10 = values[j0 * n + i0 + 1];
  const v01 = values[(j0 + 1) * n + i0];
  const v11 = values[(j0 + 1) * n + i0 + 1];
  if (Number.isFinite(v00) && Number.isFinite(v10) && Number.isFinite(v01) && Number.isFinite(v11))
    return (1 - b) * ((1 - a) * v00 + a * v10) + b * ((1 - a) * v01 + a * v11);
  return values[Math.round(cj) * n + Math.round(ci)];
}

export interface ContourPath {
  value: number;
  d: string;
}

/**
 * Contour lines (d3-contour) of a `cols` × `rows` row-major grid as SVG paths; non-finite cells are
 * holes. `toScreen` maps a grid coordinate (cell i's centre at i + 0.5) to screen coordinates.
 */
export function gridContourPaths(
  values: Float64Array,
  cols: number,
  rows: number,
  thresholds: readonly number[],
  toScreen: (gx: number, gy: number) => readonly [number, number],
): ContourPath[] {
  // d3-contour treats NaN as below every level, so contours close around non-finite regions.
  const clean = Array.from(values, (v) => (Number.isFinite(v) ? v : Number.NaN));
  return contours()
    .size([cols, rows])
    .thresholds([...thresholds])(clean)
    .map((c) => {
      let d = '';
      for (const polygon of c.coordinates)
        for (const ring of polygon) {
          ring.forEach(([gx, gy], k) => {
            const [sx, sy] = toScreen(gx, gy);
            d += `${k === 0 ? 'M' : 'L'}${sx.toFixed(1)},${sy.toFixed(1)}`;
          });
          d += 'Z';
        }
      return { value: c.value, d };
    });
}
