/**
 * Pure helpers for drawing slices: one colour range shared by the maps of a 2-D slice (so loss, expected and
 * SAM's max-loss can be compared by colour), pixels by bilinear resampling of the grid, and contour paths.
 */
import { contours, geoPath, geoTransform } from 'd3';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { lutIndex, makeColourMap, type ColourMap } from '../kit/colour.ts';

export type SliceMapName = 'loss' | 'expected' | 'sam';

export const SLICE_MAPS: { name: SliceMapName; label: string }[] = [
  { name: 'loss', label: 'Training loss' },
  { name: 'expected', label: 'Expected loss under the posterior' },
  { name: 'sam', label: 'SAM max-loss (ρ-ball, first order)' },
];

export function sliceValues(result: SliceResult, name: SliceMapName): Float32Array | null {
  return name === 'expected' ? result.expected : result[name];
}

/** One colour map over every map of the slice (viridis on [min, 98th percentile]). */
export function sharedColourMap(result: SliceResult): ColourMap {
  const all = SLICE_MAPS.flatMap(({ name }) => Array.from(sliceValues(result, name) ?? []));
  return makeColourMap(Float64Array.from(all), 'expected');
}

/** Grid value at fractional cell coordinates (u along x, v along y), bilinear. */
function sample(values: Float32Array, n: number, u: number, v: number): number {
  const i0 = Math.min(n - 2, Math.max(0, Math.floor(u)));
  const j0 = Math.min(n - 2, Math.max(0, Math.floor(v)));
  const a = Math.min(1, Math.max(0, u - i0));
  const b = Math.min(1, Math.max(0, v - j0));
  const at = (i: number, j: number) => values[j * n + i];
  return (1 - b) * ((1 - a) * at(i0, j0) + a * at(i0 + 1, j0)) + b * ((1 - a) * at(i0, j0 + 1) + a * at(i0 + 1, j0 + 1));
}

/** Paint a points × points grid into an image (row 0 of the grid at the bottom, as y grows upwards). */
export function paintSlice(image: ImageData, values: Float32Array, n: number, cmap: ColourMap): void {
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    const v = ((height - 1 - y) / Math.max(1, height - 1)) * (n - 1);
    for (let x = 0; x < width; x++) {
      const u = (x / Math.max(1, width - 1)) * (n - 1);
      const value = sample(values, n, u, v);
      const p = 4 * (y * width + x);
      if (!Number.isFinite(value)) {
        data[p] = data[p + 1] = data[p + 2] = 200;
      } else {
        const k = 3 * lutIndex(cmap.t(value));
        data[p] = cmap.lut[k];
        data[p + 1] = cmap.lut[k + 1];
        data[p + 2] = cmap.lut[k + 2];
      }
      data[p + 3] = 255;
    }
  }
}

/** SVG path strings of the contours at `thresholds`, in a width × height box (y up). */
export function slicePaths(values: Float32Array, n: number, thresholds: number[], width: number, height: number): { value: number; d: string }[] {
  const finite = Array.from(values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE));
  const sx = width / (n - 1);
  const sy = height / (n - 1);
  // d3.contours puts cell centres at half-integers: shift by ½ so grid point i lands at x = i·sx.
  const projection = geoTransform({
    point(x, y) {
      this.stream.point((x - 0.5) * sx, height - (y - 0.5) * sy);
    },
  });
  const path = geoPath(projection);
  return contours()
    .size([n, n])
    .thresholds(thresholds)(finite)
    .map((c) => ({ value: c.value, d: path(c) ?? '' }))
    .filter((c) => c.d !== '');
}
