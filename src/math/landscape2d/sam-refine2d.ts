/**
 * The continuous part of the 2-D `sam` map (see sam2d.ts): refined interior peaks and the circle.
 *
 * Interior: the local maxima of ℓ on the working grid are refined once on ℓ (maximizeLocal2D); they do
 * not depend on m. A grid disk max over the peak grid (refined values at their cells, radius ρ + the
 * largest drift of a refined peak from its cell) proposes the best peak near each disk; its exact
 * distance decides, and when it lies outside the disk the cells around m are scanned exactly.
 *
 * Circle: ℓ on ‖ε‖ = ρ is scanned at about one grid step of arc (on the bilinear interpolant, or on ℓ
 * itself when the disk spans fewer than two grid steps). Every local max of the scan within the scan's
 * own error estimate (twice its largest jump between neighbouring angles) of the best is refined by
 * Brent's method on ℓ, so a lobe the interpolant under-rates is still found. A circle whose scan cannot
 * beat the interior max by more than that estimate is skipped.
 */
import { gridDiskMax } from './disk-max2d.ts';
import { axisCoordinates, outputIndices } from './grid2d.ts';
import type { WorkingGrid2D } from './grid2d.ts';
import { maximizeAround, maximizeLocal2D, REFINE_TOL } from './local-search2d.ts';
import type { Loss2D } from './types.ts';

/** Angles scanned on ℓ itself when the disk is smaller than two grid steps. */
const DIRECT_ANGLES = 16;
const MAX_ANGLES = 720;
/** At most this many circle candidates are refined per point (best first). */
const MAX_CIRCLE_CANDIDATES = 6;

interface Peaks {
  count: number;
  /** Peak index per working cell (−1 elsewhere). */
  at: Int32Array;
  x: Float64Array;
  y: Float64Array;
  value: Float64Array;
  /** Largest distance of a refined peak from its grid cell. */
  drift: number;
}

/** Grid local maxima (ties broken by raster order, so a plateau gives one), each refined on ℓ. */
export function refinedPeaks(loss: Loss2D, grid: WorkingGrid2D, xs: Float64Array, ys: Float64Array): Peaks {
  const cols = grid.xAxis.count;
  const rows = grid.yAxis.count;
  const l = grid.values;
  const at = new Int32Array(cols * rows).fill(-1);
  const cells: number[] = [];
  for (let r = 1; r < rows - 1; r++)
    for (let c = 1; c < cols - 1; c++) {
      const k = r * cols + c;
      const v = l[k];
      if (!Number.isFinite(v)) continue;
      // Earlier neighbours (row above, left) must be strictly lower, later ones not higher.
      if (!(v > l[k - cols - 1] && v > l[k - cols] && v > l[k - cols + 1] && v > l[k - 1])) continue;
      if (!(v >= l[k + 1] && v >= l[k + cols - 1] && v >= l[k + cols] && v >= l[k + cols + 1])) continue;
      cells.push(k);
    }
  const n = cells.length;
  const peaks: Peaks = { count: n, at, x: new Float64Array(n), y: new Float64Array(n), value: new Float64Array(n), drift: 0 };
  const hx = grid.xAxis.h;
  const hy = grid.yAxis.h;
  const square = Math.abs(hx - hy) <= 1e-12 * Math.max(hx, hy);
  const first = new Float64Array(8);
  // Bounded work for a loss with very many ripples.
  const maxEvals = n > 50_000 ? 40 : 200;
  for (let p = 0; p < n; p++) {
    const k = cells[p];
    const r = Math.floor(k / cols);
    const c = k - r * cols;
    const start = { x: xs[c], y: ys[r], value: l[k] };
    if (square) {
      first[0] = l[k + 1];
      first[1] = l[k - 1];
      first[2] = l[k + cols];
      first[3] = l[k - cols];
      first[4] = l[k + cols + 1];
      first[5] = l[k - cols - 1];
      first[6] = l[k - cols + 1];
      first[7] = l[k + cols - 1];
    }
    const best = maximizeLocal2D(loss, start, square ? hx : Math.min(hx, hy), REFINE_TOL * (1 + Math.abs(start.value)), 1e-9 * Math.min(hx, hy), maxEvals, square ? first : undefined);
    at[k] = p;
    peaks.x[p] = best.x;
    peaks.y[p] = best.y;
    peaks.value[p] = best.value;
    peaks.drift = Math.max(peaks.drift, Math.hypot(best.x - start.x, best.y - start.y));
  }
  return peaks;
}

/** Raises `values` (the grid disk max per output point) to the refined max over the disk. */
export function refineSam(loss: Loss2D, grid: WorkingGrid2D, points: number, rho: number, values: Float64Array): void {
  const xs = axisCoordinates(grid.xAxis);
  const ys = axisCoordinates(grid.yAxis);
  const peaks = refinedPeaks(loss, grid, xs, ys);
  if (peaks.count > 0) interiorPeaks(grid, points, rho, values, xs, ys, peaks);
  circleMax(loss, grid, points, rho, values, xs, ys);
}

function interiorPeaks(grid: WorkingGrid2D, points: number, rho: number, values: Float64Array, xs: Float64Array, ys: Float64Array, peaks: Peaks): void {
  const cols = grid.xAxis.count;
  const rows = grid.yAxis.count;
  const peakGrid = new Float64Array(cols * rows).fill(-Infinity);
  for (let k = 0; k < peakGrid.length; k++) if (peaks.at[k] >= 0) peakGrid[k] = peaks.value[peaks.at[k]];
  const reach = rho + peaks.drift + 1e-12 * rho;
  const near = gridDiskMax(peakGrid, grid, points, reach);
  const outCols = outputIndices(grid.xAxis, points);
  const outRows = outputIndices(grid.yAxis, points);
  const spanC = Math.ceil(reach / grid.xAxis.h);
  const spanR = Math.ceil(reach / grid.yAxis.h);
  for (let i = 0; i < points; i++) {
    const my = ys[outRows[i]];
    for (let j = 0; j < points; j++) {
      const k = i * points + j;
      if (near.argCol[k] < 0) continue;
      const mx = xs[outCols[j]];
      const p = peaks.at[near.argRow[k] * cols + near.argCol[k]];
      let best = -Infinity;
      if (Math.hypot(peaks.x[p] - mx, peaks.y[p] - my) <= rho) best = peaks.value[p];
      else {
        // The best nearby peak drifted out of the disk: look at every peak whose cell is near it.
        for (let r = Math.max(0, outRows[i] - spanR); r <= Math.min(rows - 1, outRows[i] + spanR); r++)
          for (let c = Math.max(0, outCols[j] - spanC); c <= Math.min(cols - 1, outCols[j] + spanC); c++) {
            const q = peaks.at[r * cols + c];
            if (q >= 0 && peaks.value[q] > best && Math.hypot(peaks.x[q] - mx, peaks.y[q] - my) <= rho) best = peaks.value[q];
          }
      }
      if (best > values[k]) values[k] = best;
    }
  }
}

function circleMax(loss: Loss2D, grid: WorkingGrid2D, points: number, rho: number, values: Float64Array, xs: Float64Array, ys: Float64Array): void {
  const { xAxis, yAxis } = grid;
  const h = Math.max(xAxis.h, yAxis.h);
  const direct = rho < 2 * h;
  // About two grid steps of arc between scan angles: enough to separate lobes, each refined on ℓ.
  const count = direct ? DIRECT_ANGLES : Math.min(MAX_ANGLES, Math.max(DIRECT_ANGLES, Math.ceil((Math.PI * rho) / Math.min(xAxis.h, yAxis.h))));
  const delta = (2 * Math.PI) / count;
  const cosT = new Float64Array(count);
  const sinT = new Float64Array(count);
  for (let a = 0; a < count; a++) {
    cosT[a] = Math.cos(a * delta);
    sinT[a] = Math.sin(a * delta);
  }
  const outCols = outputIndices(xAxis, points);
  const outRows = outputIndices(yAxis, points);
  const stencil = direct ? null : circleStencil(grid, rho, cosT, sinT, outCols, outRows);
  const l = grid.values;
  const arc = new Float64Array(count);
  const order: number[] = [];
  let mx = 0;
  let my = 0;
  const onCircle = (t: number) => loss(mx + rho * Math.cos(t), my + rho * Math.sin(t));
  for (let i = 0; i < points; i++) {
    my = ys[outRows[i]];
    for (let j = 0; j < points; j++) {
      const k = i * points + j;
      mx = xs[outCols[j]];
      let arcMax = -Infinity;
      if (stencil) {
        // The interpolant's four corners and weights per angle are the same at every output point.
        const base = outRows[i] * grid.xAxis.count + outCols[j];
        const { offset, w00, w01, w10, w11, right, down } = stencil;
        for (let a = 0; a < count; a++) {
          const q = base + offset[a];
          const v = w00[a] * l[q] + w01[a] * l[q + right] + w10[a] * l[q + down] + w11[a] * l[q + down + right];
          arc[a] = v;
          if (v > arcMax) arcMax = v;
        }
      } else {
        for (let a = 0; a < count; a++) {
          const v = direct
            ? loss(mx + rho * cosT[a], my + rho * sinT[a])
            : bilinear(grid, outCols[j] + (rho * cosT[a]) / xAxis.h, outRows[i] + (rho * sinT[a]) / yAxis.h);
          arc[a] = v;
          if (v > arcMax) arcMax = v;
        }
      }
      if (arcMax === -Infinity) continue;
      let jump = Math.abs(arc[0] - arc[count - 1]);
      for (let a = 1; a < count; a++) {
        const d = Math.abs(arc[a] - arc[a - 1]);
        if (d > jump) jump = d;
      }
      // The scan's error: interpolation and sampling between angles (on ℓ itself only the latter).
      const slack = 2 * jump + 1e-12 * (1 + Math.abs(arcMax));
      if (values[k] >= arcMax + slack) continue;
      order.length = 0;
      for (let a = 0; a < count; a++) {
        const v = arc[a];
        if (v > arc[(a + count - 1) % count] && v >= arc[(a + 1) % count] && v >= arcMax - slack && v + slack > values[k]) order.push(a);
      }
      order.sort((p, q) => arc[q] - arc[p]);
      let best = values[k];
      for (let c = 0; c < Math.min(order.length, MAX_CIRCLE_CANDIDATES); c++) {
        const t0 = order[c] * delta;
        const g0 = direct ? arc[order[c]] : onCircle(t0);
        const found = maximizeAround(onCircle, t0, g0, delta, REFINE_TOL * (1 + Math.abs(g0)), 1e-6 * delta);
        const v = Math.max(g0, found.value);
        if (v > best) best = v;
      }
      if (best > values[k]) values[k] = best;
    }
  }
}

interface CircleStencil {
  /** Per angle: the flat offset of the interpolation cell's corner from the output point's cell, and the corner weights. */
  offset: Int32Array;
  w00: Float64Array;
  w01: Float64Array;
  w10: Float64Array;
  w11: Float64Array;
  right: number;
  down: number;
}

/**
 * Output points sit on working cells, so the circle's interpolation cells and weights are one stencil
 * for every output point: bilinear() without a floor, clamp or division per evaluation (the scan was
 * most of the `sam` map's time). Null when some circle leaves the working grid (then bilinear() clamps).
 * Same arithmetic as bilinear(): (1 − v)((1 − u)·l00 + u·l01) + v((1 − u)·l10 + u·l11), expanded.
 */
function circleStencil(grid: WorkingGrid2D, rho: number, cosT: Float64Array, sinT: Float64Array, outCols: Int32Array, outRows: Int32Array): CircleStencil | null {
  const cols = grid.xAxis.count;
  const rows = grid.yAxis.count;
  const n = cosT.length;
  const s: CircleStencil = { offset: new Int32Array(n), w00: new Float64Array(n), w01: new Float64Array(n), w10: new Float64Array(n), w11: new Float64Array(n), right: 1, down: cols };
  for (let a = 0; a < n; a++) {
    const dc = (rho * cosT[a]) / grid.xAxis.h;
    const dr = (rho * sinT[a]) / grid.yAxis.h;
    const c0 = Math.floor(dc);
    const r0 = Math.floor(dr);
    // The corners reached from the first and last output cells must lie inside the grid.
    if (outCols[0] + c0 < 0 || outCols[outCols.length - 1] + c0 + 1 > cols - 1) return null;
    if (outRows[0] + r0 < 0 || outRows[outRows.length - 1] + r0 + 1 > rows - 1) return null;
    const u = dc - c0;
    const v = dr - r0;
    s.offset[a] = r0 * cols + c0;
    s.w00[a] = (1 - v) * (1 - u);
    s.w01[a] = (1 - v) * u;
    s.w10[a] = v * (1 - u);
    s.w11[a] = v * u;
  }
  return s;
}

/** The bilinear interpolant of the working grid at fractional (column, row). */
function bilinear(grid: WorkingGrid2D, c: number, r: number): number {
  const cols = grid.xAxis.count;
  const l = grid.values;
  const c0 = Math.min(Math.max(Math.floor(c), 0), cols - 2);
  const r0 = Math.min(Math.max(Math.floor(r), 0), grid.yAxis.count - 2);
  const u = c - c0;
  const v = r - r0;
  const k = r0 * cols + c0;
  return (1 - v) * ((1 - u) * l[k] + u * l[k + 1]) + v * ((1 - u) * l[k + cols] + u * l[k + cols + 1]);
}
