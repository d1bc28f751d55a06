/**
 * The max of a grid over the grid disk of radius r around each output point. The grid disk is a stack
 * of horizontal chords: the chord at row offset dy has half-width w(dy) = ⌊√(r² − (dy·h_y)²) / h_x⌋.
 * For each distinct half-width, a monotone-deque sliding max along every working row gives the chord
 * maxima at the output columns in O(columns); the disk max is then the max over the 2·⌊r/h_y⌋ + 1 row
 * offsets. Cost O(N²·r/h), never a per-point disk scan. Rows beyond the grid are skipped.
 */
import { outputIndices } from './grid2d.ts';
import type { WorkingGrid2D } from './grid2d.ts';

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

export interface DiskMax {
  /** Max over the grid disk per output point (−∞ where the disk holds no number). */
  values: Float64Array;
  /** Working column and row of that max (−1 where none). */
  argCol: Int32Array;
  argRow: Int32Array;
}

/** The max of `values` (laid out as `grid`) over the grid disk of radius `radius` around every output point. */
export function gridDiskMax(values: Float64Array, grid: WorkingGrid2D, points: number, radius: number): DiskMax {
  const { xAxis, yAxis } = grid;
  const cols = xAxis.count;
  const rows = yAxis.count;
  const outCols = outputIndices(xAxis, points);
  const outRows = outputIndices(yAxis, points);
  const widths = chordHalfWidths(radius, xAxis.h, yAxis.h);
  const ry = widths.length - 1;
  const out: DiskMax = {
    values: new Float64Array(points * points).fill(-Infinity),
    argCol: new Int32Array(points * points).fill(-1),
    argRow: new Int32Array(points * points).fill(-1),
  };
  const rowFrom = Math.max(0, outRows[0] - ry);
  const rowTo = Math.min(rows - 1, outRows[points - 1] + ry);
  const chordMax = new Float64Array((rowTo - rowFrom + 1) * points);
  const chordArg = new Int32Array(chordMax.length);
  // Row offsets grouped by half-width: each distinct width costs one sliding-max pass.
  const byWidth = new Map<number, number[]>();
  for (let dy = 0; dy <= ry; dy++) byWidth.set(widths[dy], [...(byWidth.get(widths[dy]) ?? []), dy]);
  for (const [w, offsets] of byWidth) {
    rowSlidingMax(values, cols, rowFrom, rowTo, outCols, w, chordMax, chordArg);
    for (const dy of offsets) {
      for (let sign = dy === 0 ? 1 : -1; sign <= 1; sign += 2) {
        for (let i = 0; i < points; i++) {
          const row = outRows[i] + sign * dy;
          if (row < rowFrom || row > rowTo) continue;
          const src = (row - rowFrom) * points;
          const dst = i * points;
          for (let j = 0; j < points; j++)
            if (chordMax[src + j] > out.values[dst + j]) {
              out.values[dst + j] = chordMax[src + j];
              out.argCol[dst + j] = chordArg[src + j];
              out.argRow[dst + j] = row;
            }
        }
      }
    }
  }
  return out;
}
