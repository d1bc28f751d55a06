/**
 * Which points of a long curve the plot needs, chosen in the worker so that the main thread never walks a
 * million points: the output grid is cut into `bins` equal runs (more bins than any plot has pixel
 * columns), and each run keeps its first, last, lowest and highest finite points, plus every point where
 * the curve stops or starts being finite (so breaks in the line survive). The drawn envelope per pixel
 * column is then that of the full curve; ui/landscape1d/decimate.ts reduces further to the actual width.
 */
import type { Landscape1D } from '../math/landscape1d.types.ts';
import { OBJECTIVES, type ObjectiveName } from '../math/objectives.ts';

/** Curves up to this many points are drawn whole. */
export const DISPLAY_BINS = 4096;

export type DisplayIndices = Record<ObjectiveName, Int32Array>;

export function envelopeIndices(values: Float64Array, bins = DISPLAY_BINS): Int32Array {
  const n = values.length;
  if (n <= 4 * bins) return Int32Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins);
    const hi = Math.floor(((b + 1) * n) / bins);
    let first = -1;
    let last = -1;
    let min = -1;
    let max = -1;
    for (let i = lo; i < hi; i++) {
      const v = values[i];
      const finite = Number.isFinite(v);
      if (i > 0 && finite !== Number.isFinite(values[i - 1])) {
        // A break in the line: keep both sides of it.
        keep.push(i - 1, i);
      }
      if (!finite) continue;
      if (first < 0) first = i;
      last = i;
      if (min < 0 || v < values[min]) min = i;
      if (max < 0 || v > values[max]) max = i;
    }
    if (first >= 0) keep.push(first, min, max, last);
  }
  keep.sort((a, b) => a - b);
  const out: number[] = [];
  for (const i of keep) if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  return Int32Array.from(out);
}

export function displayIndices(landscape: Landscape1D): DisplayIndices {
  const out = {} as DisplayIndices;
  for (const name of OBJECTIVES) out[name] = envelopeIndices(landscape[name]);
  return out;
}
