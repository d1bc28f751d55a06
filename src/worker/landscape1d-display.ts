/**
 * Which points of a long curve the plot needs, chosen in the worker so that the main thread never walks a
 * million points: the output grid is cut into `bins` equal runs (more bins than any plot has pixel
 * columns), and each run keeps its first, last, lowest and highest finite points, plus every point where
 * the curve stops or starts being finite (so breaks in the line survive). The drawn envelope per pixel
 * column is then that of the full curve; ui/landscape1d/decimate.ts reduces further to the actual width.
 */
import type { Landscape1D } from '../math/landscape1d.types.ts';
import { OBJECTIVES, type ObjectiveName } from '../math/objectives.ts';

/**
 * Bins per curve: at least the pixel columns of any plot (the page is at most 1440 px wide), and no more,
 * since every point sent is walked again on the main thread to build the path (4 × 4096 points per curve
 * took ~60 ms there, busy machine, load 17).
 */
export const DISPLAY_BINS = 2048;

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

/**
 * Up to this many grid points the whole landscape goes to the main thread: 20,000 points are 1.3 MB,
 * and every value is then in the page (the curves' data-values). Beyond it only the points the plot
 * needs travel: a million points were 64 MB arriving on the main thread, and the garbage collection and
 * render of that arrival made one 100–340 ms task there (issue 10).
 */
export const FULL_LANDSCAPE_MAX = 20_000;

/** What the main thread receives: the landscape (whole, or thinned), each curve's points to draw in it, and the grid size. */
export interface ThinnedLandscape {
  landscape: Landscape1D;
  /** Per curve, indices into `landscape` (not into the full grid). */
  display: DisplayIndices;
  /** Points of the full grid (`landscape` may hold fewer). */
  points: number;
}

/**
 * The landscape as the main thread gets it. Up to FULL_LANDSCAPE_MAX points: whole. Beyond: every
 * array at the union of the five curves' envelope points (each a true grid point with its exact
 * values, theta still increasing), so the drawn envelope per pixel column is that of the full curve and
 * a hover reads a real grid point; `argmin` and `warnings` are those of the full grid.
 */
export function thinLandscape(landscape: Landscape1D, bins = DISPLAY_BINS, fullMax = FULL_LANDSCAPE_MAX): ThinnedLandscape {
  const n = landscape.theta.length;
  const envelopes = {} as DisplayIndices;
  for (const name of OBJECTIVES) envelopes[name] = envelopeIndices(landscape[name], bins);
  if (n <= fullMax) return { landscape, display: envelopes, points: n };
  // Union of the envelopes: position[i] is grid point i's index in the thinned arrays, or −1.
  const position = new Int32Array(n).fill(-1);
  for (const name of OBJECTIVES) for (const i of envelopes[name]) position[i] = 0;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (position[i] === 0) position[i] = kept.push(i) - 1;
  const pick = (a: Float64Array) => {
    const out = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) out[k] = a[kept[k]];
    return out;
  };
  const { theta, loss, expected, sam, relaxed, eps, rhoEq, biconjugate, argmin, warnings } = landscape;
  const thin: Landscape1D = {
    theta: pick(theta),
    loss: pick(loss),
    expected: pick(expected),
    sam: pick(sam),
    relaxed: pick(relaxed),
    eps: pick(eps),
    rhoEq: pick(rhoEq),
    biconjugate: pick(biconjugate),
    argmin,
    warnings,
  };
  const display = {} as DisplayIndices;
  for (const name of OBJECTIVES) display[name] = envelopes[name].map((i) => position[i]);
  return { landscape: thin, display, points: n };
}

/** Per curve, how many grid points are +∞/−∞ and how many NaN: the notices' counts, so the main thread never counts. */
export type NonFiniteCounts = Record<ObjectiveName, { inf: number; nan: number }>;

export function nonFiniteCounts(landscape: Landscape1D): NonFiniteCounts {
  const out = {} as NonFiniteCounts;
  for (const name of OBJECTIVES) {
    const values = landscape[name];
    let inf = 0;
    let nan = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isNaN(v)) nan++;
      else if (!Number.isFinite(v)) inf++;
    }
    out[name] = { inf, nan };
  }
  return out;
}
