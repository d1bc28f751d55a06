/**
 * Pure helpers for drawing slices: one colour range shared by the maps of a 2-D slice (so loss, expected and
 * SAM's max-loss can be compared by colour), pixels by bilinear resampling of the grid, and contour paths.
 */
import { contours, geoPath, geoTransform } from 'd3';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { makeColourMap, type ColourMap } from '../kit/colour.ts';
import { paintGrid } from '../kit/heatmap-paint.ts';

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

/**
 * Paints a points × points grid into an image of `size` CSS pixels with the kit's painter (row 0 of the grid at
 * the bottom, as y grows upwards): grid point i at i/(n − 1) of the way across, as the contours place it.
 */
export function paintSlice(image: ImageData, values: Float32Array, n: number, cmap: ColourMap, dpr = 1): void {
  const width = image.width / dpr;
  const height = image.height / dpr;
  const mapping = { kind: 'separable', column: (x: number) => (x / width) * (n - 1), row: (y: number) => (1 - y / height) * (n - 1) } as const;
  paintGrid(image, { values, cols: n, rows: n }, mapping, cmap, dpr);
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
