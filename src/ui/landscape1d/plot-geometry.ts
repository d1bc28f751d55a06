/** Shared pixel helpers for the landscape plot's layers. */
import type { ScaleLinear } from 'd3';

export interface PlotFrame {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** Inner size of the plot area in pixels. */
  width: number;
  height: number;
}

/**
 * y in pixels, pinned far outside the plot: values beyond the y-range are cut off by the clip path,
 * but SVG coordinates of 1e300 would draw garbage, and the pinned point keeps the line's direction
 * inside the visible area nearly right.
 */
export function yPixel(frame: PlotFrame, v: number): number {
  const p = frame.y(v);
  // A scale whose domain spans more than the largest double yields NaN: no position, never NaN in a path.
  if (Number.isNaN(p)) return NaN;
  const lim = 50 * frame.height;
  return Math.min(frame.height + lim, Math.max(-lim, p));
}

/**
 * Index of the point of theta nearest to m. theta is increasing but need not be uniform: beyond 20,000
 * points the main thread holds only the grid points the plot needs (worker/landscape1d-display.ts).
 */
export function nearestIndex(theta: Float64Array, m: number): number {
  const n = theta.length;
  if (n < 2 || !(m > theta[0])) return 0;
  if (!(m < theta[n - 1])) return n - 1;
  // theta[lo] < m ≤ theta[hi].
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (theta[mid] < m) lo = mid;
    else hi = mid;
  }
  return m - theta[lo] <= theta[hi] - m ? lo : hi;
}

/** Sample a function of θ across [from, to] as an SVG path, breaking where it is not finite. */
export function samplePath(frame: PlotFrame, from: number, to: number, n: number, f: (t: number) => number): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < n; i++) {
    const t = from + ((to - from) * i) / (n - 1);
    const v = f(t);
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${frame.x(t).toFixed(2)},${yPixel(frame, v).toFixed(2)}`;
    pen = true;
  }
  return d;
}
