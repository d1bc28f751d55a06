/**
 * `sam` in 2-D: S_ρ(m) = max_{‖ε‖≤ρ} ℓ(m+ε) on the output grid (theory.md §2, §3).
 *
 * The grid disk of radius ρ is a stack of horizontal chords: the chord at row offset dy has half-width
 * w(dy) = ⌊√(ρ² − (dy·h_y)²) / h_x⌋. For each distinct half-width, a monotone-deque sliding max along
 * every working row gives the chord maxima at the output columns in O(columns); the disk max is then the
 * max over the 2·⌊ρ/h_y⌋ + 1 row offsets. Cost O(N²·r) with r = ρ/h, never a per-point disk scan.
 * The grid max never overstates S: it is a max over points of the disk.
 */
import { axisCoordinates, outputIndices, planAxes, sampleGrid } from './grid2d.ts';
import type { GridPlan, WorkingGrid2D } from './grid2d.ts';
import { parabolaVertex } from '../refine.ts';
import type { Loss2D, View2D } from './types.ts';

/** The disk gets at least this many grid steps across its radius when the axis budget allows. */
const STEPS_PER_RADIUS = 8;
export const MAX_SAM_AXIS_COUNT = 1024;

export interface Sam2DResult {
  values: Float64Array;
  /** Output points whose ρ-square contained a NaN loss (value NaN). */
  notFinite: number;
}

/** Half-width (in columns) of the chord at each row offset 0..ry. */
export function chordHalfWidths(rho: number, hx: number, hy: number): Int32Array {
  const ry = Math.floor(rho / hy + 1e-9);
  const w = new Int32Array(ry + 1);
  for (let dy = 0; dy <= ry; dy++) {
    const reach = rho * rho - dy * hy * (dy * hy);
    w[dy] = Math.floor(Math.sqrt(Math.max(reach, 0)) / hx + 1e-9);
  }
  return w;
}

/**
 * For each working row r in [rowFrom, rowTo], the max of values[r][c−w .. c+w] at each output column c
 * and its column in argOut (NaN entries are skipped; the caller flags them). out[(r − rowFrom)·outCols.length + j].
 */
export function rowSlidingMax(
  values: Float64Array,
  cols: number,
  rowFrom: number,
  rowTo: number,
  outCols: Int32Array,
  w: number,
  out: Float64Array,
  argOut: Int32Array,
): void {
  const deque = new Int32Array(cols);
  const n = outCols.length;
  for (let r = rowFrom; r <= rowTo; r++) {
    const base = r * cols;
    let head = 0;
    let tail = 0;
    let next = Math.max(0, outCols[0] - w);
    for (let j = 0; j < n; j++) {
      const lo = outCols[j] - w;
      const hi = Math.min(cols - 1, outCols[j] + w);
      for (; next <= hi; next++) {
        const v = values[base + next];
        if (Number.isNaN(v)) continue;
        while (tail > head && values[base + deque[tail - 1]] <= v) tail--;
        deque[tail++] = next;
      }
      while (tail > head && deque[head] < lo) head++;
      out[(r - rowFrom) * n + j] = tail > head ? values[base + deque[head]] : -Infinity;
      argOut[(r - rowFrom) * n + j] = tail > head ? deque[head] : -1;
    }
  }
}

/** The working grid `sam` needs: ρ beyond the view and about STEPS_PER_RADIUS steps across ρ. */
export function samPlan(rho: number): GridPlan {
  // A tiny pad beyond ρ keeps the disk's edge points inside the grid despite rounding.
  // A disk much smaller than the output spacing needs no finer grid: the arc refinement below handles it.
  return { maxStep: rho > 0 ? rho / STEPS_PER_RADIUS : Infinity, pad: rho * (1 + 1e-9), maxCount: MAX_SAM_AXIS_COUNT, maxRefine: 4 };
}

export function samGrid(loss: Loss2D, view: View2D, points: number, rho: number): Sam2DResult {
  const { xAxis, yAxis } = planAxes(view, points, samPlan(rho));
  return samOnGrid(loss, sampleGrid(loss, xAxis, yAxis), points, rho);
}

/** S on a sampled working grid padded by at least ρ; `loss` refines the grid maxima on the disk's edge. */
export function samOnGrid(loss: Loss2D, grid: WorkingGrid2D, points: number, rho: number): Sam2DResult {
  const { xAxis, yAxis } = grid;
  const cols = xAxis.count;
  const rows = yAxis.count;
  const l = grid.values;
  const outCols = outputIndices(xAxis, points);
  const outRows = outputIndices(yAxis, points);
  const widths = chordHalfWidths(rho, xAxis.h, yAxis.h);
  const ry = widths.length - 1;

  const values = new Float64Array(points * points).fill(-Infinity);
  const argCol = new Int32Array(points * points).fill(-1);
  const argRow = new Int32Array(points * points).fill(-1);
  const rowFrom = outRows[0] - ry;
  const rowTo = outRows[points - 1] + ry;
  const chordMax = new Float64Array((rowTo - rowFrom + 1) * points);
  const chordArg = new Int32Array(chordMax.length);
  // Row offsets grouped by half-width: each distinct width costs one sliding-max pass.
  const byWidth = new Map<number, number[]>();
  for (let dy = 0; dy <= ry; dy++) byWidth.set(widths[dy], [...(byWidth.get(widths[dy]) ?? []), dy]);
  for (const [w, offsets] of byWidth) {
    rowSlidingMax(l, cols, rowFrom, rowTo, outCols, w, chordMax, chordArg);
    for (const dy of offsets) {
      for (let sign = dy === 0 ? 1 : -1; sign <= 1; sign += 2) {
        for (let i = 0; i < points; i++) {
          const src = (outRows[i] + sign * dy - rowFrom) * points;
          const dst = i * points;
          const row = outRows[i] + sign * dy;
          for (let j = 0; j < points; j++)
            if (chordMax[src + j] > values[dst + j]) {
              values[dst + j] = chordMax[src + j];
              argCol[dst + j] = chordArg[src + j];
              argRow[dst + j] = row;
            }
        }
      }
    }
  }

  // NaN anywhere in the square around the disk makes the max undefined (a conservative flag).
  const nanTable = new Int32Array((rows + 1) * (cols + 1));
  const W = cols + 1;
  for (let r = 0; r < rows; r++) {
    let run = 0;
    for (let c = 0; c < cols; c++) {
      if (Number.isNaN(l[r * cols + c])) run++;
      nanTable[(r + 1) * W + c + 1] = nanTable[r * W + c + 1] + run;
    }
  }
  if (rho > 0) refineOnCircle(loss, grid, points, rho, values, argCol, argRow);
  const wx = widths[0];
  let notFinite = 0;
  for (let i = 0; i < points; i++) {
    const top = outRows[i] - ry;
    const bottom = outRows[i] + ry + 1;
    for (let j = 0; j < points; j++) {
      const left = outCols[j] - wx;
      const right = outCols[j] + wx + 1;
      const nan = nanTable[bottom * W + right] - nanTable[top * W + right] - nanTable[bottom * W + left] + nanTable[top * W + left];
      if (nan > 0 || values[i * points + j] === -Infinity) {
        values[i * points + j] = NaN;
        notFinite++;
      }
    }
  }
  return { values, notFinite };
}

/**
 * The grid disk is ragged at its edge (its "corners" reach further along some angles), so a grid
 * maximiser near the edge can be off in angle. For such points an arc of the circle ‖ε‖ = ρ around it is
 * scanned on the bilinear interpolant of the grid (no loss evaluations); the best scan angle and the
 * vertex of the parabola through its neighbours are then evaluated exactly: two evaluations per point,
 * each kept only if larger, so S stays a value of ℓ on the disk and the O(h) error of the ragged disk is gone.
 */
function refineOnCircle(loss: Loss2D, grid: WorkingGrid2D, points: number, rho: number, values: Float64Array, argCol: Int32Array, argRow: Int32Array): void {
  const { xAxis, yAxis } = grid;
  const xs = axisCoordinates(xAxis);
  const ys = axisCoordinates(yAxis);
  const outCols = outputIndices(xAxis, points);
  const outRows = outputIndices(yAxis, points);
  const near = rho - 1.5 * Math.hypot(xAxis.h, yAxis.h);
  const hMax = Math.max(xAxis.h, yAxis.h);
  // Angular step: one grid step along the circle. Window: a grid point within O(h) of the circle and
  // within O(|∇ℓ|·h) of the max lies within O(√(h/ρ)) radians of the maximiser's angle (ℓ curves along
  // the circle like ρ|∇ℓ|); outside that window the grid argmax could not have won.
  const delta = Math.min(Math.min(xAxis.h, yAxis.h) / rho, Math.PI / 8);
  const window = Math.min(Math.PI, 2.5 * Math.sqrt(hMax / rho) + 2 * delta);
  const steps = Math.ceil(window / delta);
  // The arc's offsets in grid units at each scan angle relative to the grid argmax's angle are
  // rotations of one table: (cos(φ + aδ), sin(φ + aδ)) = rotate (cos aδ, sin aδ) by φ.
  const count = 2 * steps + 1;
  const cosA = new Float64Array(count);
  const sinA = new Float64Array(count);
  for (let a = 0; a < count; a++) {
    cosA[a] = Math.cos((a - steps) * delta);
    sinA[a] = Math.sin((a - steps) * delta);
  }
  const arc = new Float64Array(count);
  // A disk narrower than two grid steps holds too few grid points to locate the max (and the
  // interpolant is too coarse along so small a circle): such points are refined from the gradient.
  const tiny = rho < 2 * hMax;
  for (let i = 0; i < points; i++) {
    const my = ys[outRows[i]];
    for (let j = 0; j < points; j++) {
      const k = i * points + j;
      if (argCol[k] < 0 || !Number.isFinite(values[k])) continue;
      const mx = xs[outCols[j]];
      const gx = xs[argCol[k]] - mx;
      const gy = ys[argRow[k]] - my;
      const r = Math.hypot(gx, gy);
      if (r < near) continue;
      if (tiny) {
        refineTinyDisk(loss, mx, my, rho, values, k);
        continue;
      }
      // The direction of the grid argmax (any direction when it is the centre itself).
      const c0 = r > 0 ? gx / r : 1;
      const s0 = r > 0 ? gy / r : 0;
      let best = 0;
      for (let a = 0; a < count; a++) {
        const c = c0 * cosA[a] - s0 * sinA[a];
        const sn = s0 * cosA[a] + c0 * sinA[a];
        arc[a] = bilinear(grid, outCols[j] + (rho * c) / xAxis.h, outRows[i] + (rho * sn) / yAxis.h);
        if (arc[a] > arc[best]) best = a;
      }
      const angle = Math.atan2(s0, c0) + (best - steps) * delta;
      let value = Math.max(values[k], loss(mx + rho * Math.cos(angle), my + rho * Math.sin(angle)));
      // The parabola through the interpolated neighbours locates the max between scan angles.
      if (best > 0 && best < count - 1) {
        const vertex = parabolaVertex(-delta, arc[best - 1], 0, arc[best], delta, arc[best + 1]);
        if (vertex !== null && Math.abs(vertex) < delta) value = Math.max(value, loss(mx + rho * Math.cos(angle + vertex), my + rho * Math.sin(angle + vertex)));
      }
      // NaN compares false: a NaN on the circle leaves the grid value (the NaN table flags the point).
      if (value > values[k]) values[k] = value;
    }
  }
}

/**
 * For a disk much smaller than the grid, the grid says little about where on the circle the max is, and
 * the gradient alone fails at stationary points: scan the circle exactly at TINY_ANGLES angles, then
 * take one parabolic step around the best. TINY_ANGLES + 1 evaluations per point, in this regime only.
 */
const TINY_ANGLES = 12;
function refineTinyDisk(loss: Loss2D, mx: number, my: number, rho: number, values: Float64Array, k: number): void {
  const delta = (2 * Math.PI) / TINY_ANGLES;
  const f = new Float64Array(TINY_ANGLES);
  let best = 0;
  for (let a = 0; a < TINY_ANGLES; a++) {
    f[a] = loss(mx + rho * Math.cos(a * delta), my + rho * Math.sin(a * delta));
    if (f[a] > f[best]) best = a;
  }
  let value = Math.max(values[k], f[best]);
  const left = f[(best + TINY_ANGLES - 1) % TINY_ANGLES];
  const right = f[(best + 1) % TINY_ANGLES];
  const vertex = parabolaVertex(-delta, left, 0, f[best], delta, right);
  if (vertex !== null && Math.abs(vertex) < delta) {
    const t = best * delta + vertex;
    value = Math.max(value, loss(mx + rho * Math.cos(t), my + rho * Math.sin(t)));
  }
  if (value > values[k]) values[k] = value;
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
