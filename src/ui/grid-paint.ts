/**
 * Pixel and contour helpers shared by the (m, σ) and 2-D map renderers. Both paint by mapping each
 * screen pixel back to the grid, and both trace contours on grid indices; only the coordinate
 * mapping differs, so that is what the callers pass in.
 */
import { contours } from 'd3';
import { lutIndex } from './msigma/colour.ts';
import type { ColourMap } from './msigma/colour.ts';

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
