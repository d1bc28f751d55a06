/**
 * `relaxed` in 2-D: R_σ(m) = sup_ε [ℓ(m+ε) − ‖ε‖²/(2σ²)] on the output grid (theory.md §2, §3).
 *
 * With F = −2σ²ℓ, −2σ²R(q) = min_p [Δx² + Δy² + F(p)], and the squared Euclidean distance separates:
 * min over p_y of [Δy² + min over p_x of (Δx² + F)]. So the 1-D lower-envelope-of-parabolas transform
 * (../relaxed.ts, Felzenszwalb & Huttenlocher) runs along every working row (queries: output columns),
 * then along every output column (queries: output rows): O(rows·cols + N·rows), exact on the grid.
 * The maximiser is tracked through both passes so that a maximiser on the edge of the working grid is
 * reported (+∞ when ℓ outgrows the penalty along that ray, otherwise truncated), never passed off as R.
 */
import { penalisedUnbounded } from '../growth.ts';
import { parabolaVertex } from '../refine.ts';
import { distanceTransformArgmin } from '../relaxed.ts';
import { axisCoordinates, outputIndices, planAxes, sampleGrid } from './grid2d.ts';
import type { GridPlan, WorkingGrid2D } from './grid2d.ts';
import type { Loss2D, View2D } from './types.ts';

export const MAX_RELAXED_AXIS_COUNT = 1536;

export interface Relaxed2DResult {
  values: Float64Array;
  /** ε*(m) = argmax − m per output point (NaN where not computed). */
  epsX: Float64Array;
  epsY: Float64Array;
  infinite: number;
  truncated: number;
  notFinite: number;
}

/** How far the maximiser can be: ℓ(m+ε) − ‖ε‖²/(2σ²) ≥ ℓ(m) needs ‖ε‖ ≤ σ·√(2·(range of ℓ)). */
export function relaxedReach(lossRange: number, sigma: number): number {
  return sigma * Math.max(4, Math.sqrt(2 * Math.max(lossRange, 0)) + 1.5);
}

/**
 * The working grid `relaxed` needs: spacing ≤ σ/4 (the penalty's scale; the parabolic step then leaves
 * O(h³) error) and the output spacing, padded by the reach of the maximiser.
 */
export function relaxedPlan(lossRange: number, sigma: number): GridPlan {
  // For σ far below the output spacing the parabolic step alone finds the nearby maximiser.
  return { maxStep: sigma / 4, pad: relaxedReach(lossRange, sigma), maxCount: MAX_RELAXED_AXIS_COUNT, maxRefine: 4 };
}

export function relaxedGrid(loss: Loss2D, view: View2D, points: number, sigma: number, lossRange: number): Relaxed2DResult {
  const { xAxis, yAxis } = planAxes(view, points, relaxedPlan(lossRange, sigma));
  return relaxedOnGrid(loss, sampleGrid(loss, xAxis, yAxis), points, sigma);
}

/** R on a sampled working grid; `loss` decides +∞ versus truncated when a maximiser hits the grid's edge. */
export function relaxedOnGrid(loss: Loss2D, grid: WorkingGrid2D, points: number, sigma: number): Relaxed2DResult {
  const { xAxis, yAxis } = grid;
  const cols = xAxis.count;
  const rows = yAxis.count;
  const l = grid.values;
  const n = points * points;
  const result: Relaxed2DResult = {
    values: new Float64Array(n),
    epsX: new Float64Array(n).fill(NaN),
    epsY: new Float64Array(n).fill(NaN),
    infinite: 0,
    truncated: 0,
    notFinite: 0,
  };
  if (l.some((v) => v === Infinity)) {
    result.values.fill(Infinity);
    result.infinite = n;
    return result;
  }
  const outCols = outputIndices(xAxis, points);
  const outRows = outputIndices(yAxis, points);
  const xs = axisCoordinates(xAxis);
  const ys = axisCoordinates(yAxis);
  const hx2 = xAxis.h * xAxis.h;
  const twoS2 = 2 * sigma * sigma;

  // Row pass, in units of h_x²: f = F/h_x², g(r, j) = min_px (px − qx)² + f = (Δx² + F)/h_x².
  const rowArgmin = new Int32Array(rows * points);
  const g = new Float64Array(rows * points);
  const f = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = l[r * cols + c];
      f[c] = Number.isFinite(v) ? (-twoS2 * v) / hx2 : Infinity;
    }
    const arg = distanceTransformArgmin(f, outCols);
    for (let j = 0; j < points; j++) {
      const p = arg[j];
      rowArgmin[r * points + j] = p;
      const d = p - outCols[j];
      g[r * points + j] = p < 0 ? Infinity : d * d + f[p];
    }
  }
  // Column pass, in units of h_y²: min_py (py − qy)² + g·h_x²/h_y².
  const column = new Float64Array(rows);
  const ratio = hx2 / (yAxis.h * yAxis.h);
  for (let j = 0; j < points; j++) {
    for (let r = 0; r < rows; r++) column[r] = g[r * points + j] * ratio;
    const arg = distanceTransformArgmin(column, outRows);
    for (let i = 0; i < points; i++) {
      const k = i * points + j;
      const py = arg[i];
      const px = py < 0 ? -1 : rowArgmin[py * points + j];
      if (px < 0) {
        result.values[k] = NaN;
        result.notFinite++;
        continue;
      }
      const mx = xs[outCols[j]];
      const my = ys[outRows[i]];
      if (px === 0 || px === cols - 1 || py === 0 || py === rows - 1) {
        const dx = xs[px] - mx;
        const dy = ys[py] - my;
        const norm = Math.hypot(dx, dy);
        // ℓ along the ray from m through the edge maximiser, as a 1-D loss of the distance t.
        const along = (t: number) => loss(mx + (dx / norm) * t, my + (dy / norm) * t);
        const unbounded = penalisedUnbounded(along, 0, sigma, norm, 1);
        result.values[k] = unbounded ? Infinity : NaN;
        if (unbounded) result.infinite++;
        else result.truncated++;
        continue;
      }
      const dx = xs[px] - mx;
      const dy = ys[py] - my;
      let best = l[py * cols + px] - (dx * dx + dy * dy) / twoS2;
      let ex = dx;
      let ey = dy;
      // ε = 0 is always feasible: R ≥ ℓ(m) exactly, whatever the rounding in the envelope.
      const centre = l[outRows[i] * cols + outCols[j]];
      if (centre > best) {
        best = centre;
        ex = 0;
        ey = 0;
      }
      // One continuous step: the vertex of the parabolas through the grid neighbours, evaluated and kept
      // only if larger, so R stays a value of the penalised loss (the grid alone is O(h²) low).
      const g = (c: number, r: number) => {
        const ddx = xs[c] - mx;
        const ddy = ys[r] - my;
        return l[r * cols + c] - (ddx * ddx + ddy * ddy) / twoS2;
      };
      const at = g(px, py);
      const sx = parabolaVertex(-1, g(px - 1, py), 0, at, 1, g(px + 1, py));
      const sy = parabolaVertex(-1, g(px, py - 1), 0, at, 1, g(px, py + 1));
      if (sx !== null && sy !== null && Math.abs(sx) <= 1 && Math.abs(sy) <= 1 && (sx !== 0 || sy !== 0)) {
        const vx = xs[px] + sx * xAxis.h - mx;
        const vy = ys[py] + sy * yAxis.h - my;
        const v = loss(mx + vx, my + vy) - (vx * vx + vy * vy) / twoS2;
        if (v > best) {
          best = v;
          ex = vx;
          ey = vy;
        }
      }
      result.values[k] = best;
      result.epsX[k] = ex;
      result.epsY[k] = ey;
    }
  }
  return result;
}
