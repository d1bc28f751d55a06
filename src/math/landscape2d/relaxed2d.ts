/**
 * `relaxed` in 2-D: R_σ(m) = sup_ε [ℓ(m+ε) − ‖ε‖²/(2σ²)] on the output grid (theory.md §2, §3).
 *
 * 1. Global search on a grid: with F = −2σ²ℓ, −2σ²R(q) = min_p [Δx² + Δy² + F(p)], and the squared
 *    distance separates, so a lower envelope of parabolas (../lower-envelope.ts) runs along every working row
 *    (queries: output columns), then along every output column (queries: output rows). The grid is the
 *    output lattice refined to spacing ≤ σ/4 around the view, and spacing σ/4 in a margin reaching
 *    σ·max(12, √(2·range of ℓ) + 2) beyond it (as in 1-D): no maximiser can lie further out, since there
 *    the penalty exceeds the whole range of ℓ. The range is re-measured on the sampled margin and the
 *    margin widened when a tall feature outside the view needs it.
 * 2. Each grid maximiser is refined on the penalised loss itself by a 2-D Newton/pattern search with
 *    the cross term (local-search2d.ts).
 * 3. Near-ties between basins: a basin the grid under-rates by up to its refinement gain can still win.
 *    Refined maximisers are propagated between neighbouring output points (a forward and a backward
 *    raster sweep) and refined again wherever they come within those gains of the best.
 * A maximiser on the edge of the grid is reported (+∞ when ℓ outgrows the penalty along that ray,
 * otherwise truncated), never passed off as R.
 */
import { penalisedUnbounded } from '../growth.ts';
import { linspace } from '../grid.ts';
import { lowerEnvelopeArgmin } from '../lower-envelope.ts';
import { axisCoordinates, workingAxis } from './grid2d.ts';
import { maximizeLocal2D, REFINE_TOL } from './local-search2d.ts';
import type { Loss2D, View2D } from './types.ts';

/** Working points per axis, view and margin together (bounded before anything is allocated). */
export const MAX_RELAXED_AXIS_COUNT = 2048;
/** Fine spacing: at most σ/PER_SIGMA, and at most MAX_REFINE working steps per output step. */
const PER_SIGMA = 4;
const MAX_REFINE = 4;

export interface Relaxed2DResult {
  values: Float64Array;
  /** ε*(m) = argmax − m per output point (NaN where not computed). */
  epsX: Float64Array;
  epsY: Float64Array;
  infinite: number;
  truncated: number;
  notFinite: number;
  /** Why the map could not be computed at all (then every value is NaN), or null. */
  refused: string | null;
}

/** How far a maximiser can be: ℓ(m+ε) − ‖ε‖²/(2σ²) ≥ ℓ(m) needs ‖ε‖ ≤ σ·√(2·(range of ℓ)). */
export function relaxedReach(lossRange: number, sigma: number): number {
  return sigma * Math.max(12, Math.sqrt(2 * Math.max(lossRange, 0)) + 2);
}

/** One axis: the refined output lattice over [from, to] (+ a fine rim), then σ/4 steps out to `reach`. */
export function relaxedAxis(from: number, to: number, points: number, sigma: number, reach: number): Float64Array | null {
  const inner = workingAxis(from, to, points, sigma / PER_SIGMA, 0, Infinity, MAX_REFINE, 2);
  const fine = axisCoordinates(inner);
  const coarse = Math.max(sigma / PER_SIGMA, inner.h);
  const lo = fine[0];
  const hi = fine[fine.length - 1];
  const outer = Math.max(0, Math.ceil((reach - (hi - to)) / coarse));
  const count = fine.length + 2 * outer;
  if (count > MAX_RELAXED_AXIS_COUNT) return null;
  const out = new Float64Array(count);
  for (let k = 0; k < outer; k++) {
    out[outer - 1 - k] = lo - (k + 1) * coarse;
    out[outer + fine.length + k] = hi + (k + 1) * coarse;
  }
  out.set(fine, outer);
  return out;
}

/** ℓ(centre + t·u) − t²/(2σ²) unbounded above along one of 16 directions: then R = +∞ everywhere. */
export function relaxedUnboundedEverywhere(loss: Loss2D, view: View2D, sigma: number): boolean {
  const cx = (view.xFrom + view.xTo) / 2;
  const cy = (view.yFrom + view.yTo) / 2;
  const scale = Math.max(sigma, Math.hypot(view.xTo - view.xFrom, view.yTo - view.yFrom) / 2);
  for (let k = 0; k < 16; k++) {
    const ux = Math.cos((k * Math.PI) / 8);
    const uy = Math.sin((k * Math.PI) / 8);
    if (penalisedUnbounded((t) => loss(cx + t * ux, cy + t * uy), 0, sigma, scale, 1)) return true;
  }
  return false;
}

function emptyResult(n: number): Relaxed2DResult {
  return { values: new Float64Array(n), epsX: new Float64Array(n).fill(NaN), epsY: new Float64Array(n).fill(NaN), infinite: 0, truncated: 0, notFinite: 0, refused: null };
}

/** R on the output grid of `view`; `lossRange` is the range of ℓ on the output grid (the margin starts from it). */
export function relaxedGrid(loss: Loss2D, view: View2D, points: number, sigma: number, lossRange: number): Relaxed2DResult {
  const n = points * points;
  if (relaxedUnboundedEverywhere(loss, view, sigma)) {
    const r = emptyResult(n);
    r.values.fill(Infinity);
    r.infinite = n;
    return r;
  }
  let reach = relaxedReach(Number.isFinite(lossRange) ? lossRange : 0, sigma);
  for (let attempt = 0; ; attempt++) {
    const xs = relaxedAxis(view.xFrom, view.xTo, points, sigma, reach);
    const ys = relaxedAxis(view.yFrom, view.yTo, points, sigma, reach);
    if (!xs || !ys) {
      const r = emptyResult(n);
      r.values.fill(NaN);
      r.notFinite = n;
      const per = Math.max(sigma / PER_SIGMA, Math.min(view.xTo - view.xFrom, view.yTo - view.yFrom) / (points - 1) / MAX_REFINE);
      r.refused = `relaxed is not computed: its search window (${fmt(reach)} beyond the view, so that no maximiser lies outside it) would need more than ${MAX_RELAXED_AXIS_COUNT} working points per axis at spacing ${fmt(per)}`;
      return r;
    }
    const values = sample(loss, xs, ys);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of values)
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    const needed = relaxedReach(hi > lo ? hi - lo : 0, sigma);
    // A tall feature in the margin can pull maximisers further out: widen once to cover its range.
    if (needed > reach * 1.0001 && attempt === 0) {
      reach = needed;
      continue;
    }
    return relaxedOnSamples(loss, xs, ys, values, view, points, sigma);
  }
}

function fmt(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

function sample(loss: Loss2D, xs: Float64Array, ys: Float64Array): Float64Array {
  const cols = xs.length;
  const out = new Float64Array(cols * ys.length);
  for (let r = 0; r < ys.length; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = loss(xs[c], ys[r]);
  return out;
}

/** Index of each output coordinate among the working coordinates (they are exact copies). */
function locate(pos: Float64Array, out: Float64Array): Int32Array {
  const idx = new Int32Array(out.length);
  let k = 0;
  for (let i = 0; i < out.length; i++) {
    while (k < pos.length - 1 && pos[k] < out[i]) k++;
    idx[i] = k;
  }
  return idx;
}

function relaxedOnSamples(loss: Loss2D, xs: Float64Array, ys: Float64Array, l: Float64Array, view: View2D, points: number, sigma: number): Relaxed2DResult {
  const cols = xs.length;
  const rows = ys.length;
  const n = points * points;
  const result = emptyResult(n);
  if (l.some((v) => v === Infinity)) {
    result.values.fill(Infinity);
    result.infinite = n;
    return result;
  }
  const qx = linspace(view.xFrom, view.xTo, points);
  const qy = linspace(view.yFrom, view.yTo, points);
  const outCols = locate(xs, qx);
  const outRows = locate(ys, qy);
  const twoS2 = 2 * sigma * sigma;

  // Row pass: G(r, j) = min_c (x_c − qx_j)² + F(r, c).
  const rowArg = new Int32Array(rows * points);
  const G = new Float64Array(rows * points);
  const f = new Float64Array(cols);
  const arg = new Int32Array(points);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = l[r * cols + c];
      f[c] = Number.isFinite(v) ? -twoS2 * v : Infinity;
    }
    lowerEnvelopeArgmin(xs, f, qx, arg);
    for (let j = 0; j < points; j++) {
      const p = arg[j];
      rowArg[r * points + j] = p;
      const d = p < 0 ? 0 : xs[p] - qx[j];
      G[r * points + j] = p < 0 ? Infinity : d * d + f[p];
    }
  }
  // Column pass; then each grid maximiser is refined on the penalised loss.
  const bestX = new Float64Array(n).fill(NaN);
  const bestY = new Float64Array(n).fill(NaN);
  const bestV = new Float64Array(n).fill(NaN);
  const column = new Float64Array(rows);
  const colArg = new Int32Array(points);
  const first = new Float64Array(8);
  const step = (c: number, r: number) => Math.max(xs[Math.min(c + 1, cols - 1)] - xs[c], ys[Math.min(r + 1, rows - 1)] - ys[r]);
  // One closure over the current mean (not one per point).
  let mx = 0;
  let my = 0;
  const g = (x: number, y: number) => loss(x, y) - ((x - mx) * (x - mx) + (y - my) * (y - my)) / twoS2;
  const gridG = (c: number, r: number) => l[r * cols + c] - ((xs[c] - mx) ** 2 + (ys[r] - my) ** 2) / twoS2;
  const gain = new Float64Array(n);
  for (let j = 0; j < points; j++) {
    for (let r = 0; r < rows; r++) column[r] = G[r * points + j];
    lowerEnvelopeArgmin(ys, column, qy, colArg);
    for (let i = 0; i < points; i++) {
      const k = i * points + j;
      const py = colArg[i];
      const px = py < 0 ? -1 : rowArg[py * points + j];
      if (px < 0) {
        result.values[k] = NaN;
        result.notFinite++;
        continue;
      }
      mx = qx[j];
      my = qy[i];
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
      let start = { x: xs[px], y: ys[py], value: gridG(px, py) };
      // ε = 0 is always feasible: R ≥ ℓ(m) exactly, whatever the rounding in the envelope.
      const centre = l[outRows[i] * cols + outCols[j]];
      const fromCentre = centre > start.value;
      if (fromCentre) start = { x: mx, y: my, value: centre };
      const gridValue = start.value;
      const sx = xs[px + 1] - xs[px];
      const uniform = !fromCentre && Math.abs(xs[px] - xs[px - 1] - sx) <= 1e-9 * sx && Math.abs(ys[py + 1] - ys[py] - sx) <= 1e-9 * sx && Math.abs(ys[py] - ys[py - 1] - sx) <= 1e-9 * sx;
      if (uniform) {
        first[0] = gridG(px + 1, py);
        first[1] = gridG(px - 1, py);
        first[2] = gridG(px, py + 1);
        first[3] = gridG(px, py - 1);
        first[4] = gridG(px + 1, py + 1);
        first[5] = gridG(px - 1, py - 1);
        first[6] = gridG(px + 1, py - 1);
        first[7] = gridG(px - 1, py + 1);
      }
      const h = step(px, py);
      const best = maximizeLocal2D(g, start, h, REFINE_TOL * (1 + Math.abs(start.value)), 1e-9 * h, 120, uniform ? first : undefined);
      bestX[k] = best.x;
      bestY[k] = best.y;
      bestV[k] = best.value;
      gain[k] = best.value - gridValue;
    }
  }
  propagate(loss, qx, qy, points, sigma, bestX, bestY, bestV, gain, xs);
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(bestV[k])) continue;
    const x = bestX[k];
    const y = bestY[k];
    // A refined maximiser that walked off the searched grid is not trusted.
    if (x < xs[0] || x > xs[cols - 1] || y < ys[0] || y > ys[rows - 1]) {
      result.values[k] = NaN;
      result.truncated++;
      continue;
    }
    result.values[k] = bestV[k];
    result.epsX[k] = x - qx[k % points];
    result.epsY[k] = y - qy[Math.floor(k / points)];
  }
  return result;
}

/**
 * Near-ties between basins: the refined maximiser of a neighbouring output point (a forward sweep takes
 * left and upper neighbours, a backward one right and lower) is refined for this point too when it lies
 * in another basin (its ε differs by more than two fine steps) and comes within the grid's error there
 * (twice the refinement gains, `gain`, of the two points: how much the grid under-rated each basin).
 */
function propagate(loss: Loss2D, qx: Float64Array, qy: Float64Array, points: number, sigma: number, bestX: Float64Array, bestY: Float64Array, bestV: Float64Array, gain: Float64Array, xs: Float64Array): void {
  const twoS2 = 2 * sigma * sigma;
  // Maximisers closer than a fine grid step are the same one.
  const mid = xs.length >> 1;
  const h = xs[mid + 1] - xs[mid];
  const lossAt = new Float64Array(points * points);
  const penalty = (x: number, y: number, mx: number, my: number) => ((x - mx) * (x - mx) + (y - my) * (y - my)) / twoS2;
  for (let k = 0; k < lossAt.length; k++) lossAt[k] = bestV[k] + penalty(bestX[k], bestY[k], qx[k % points], qy[Math.floor(k / points)]);
  const visit = (i: number, j: number, ni: number, nj: number) => {
    if (ni < 0 || nj < 0 || ni >= points || nj >= points) return;
    const k = i * points + j;
    const q = ni * points + nj;
    if (Number.isNaN(bestV[k]) || Number.isNaN(bestV[q])) return;
    const mx = qx[j];
    const my = qy[i];
    const px = bestX[q];
    const py = bestY[q];
    const gp = lossAt[q] - penalty(px, py, mx, my);
    const slack = 2 * (gain[k] + gain[q]) + REFINE_TOL * (1 + Math.abs(bestV[k]));
    if (!(gp > bestV[k] - slack)) return;
    // Same basin: the maximisers moved with m (ε about the same); nothing new to refine.
    if (Math.hypot(px - qx[nj] - (bestX[k] - mx), py - qy[ni] - (bestY[k] - my)) <= 2 * h) return;
    const g = (x: number, y: number) => loss(x, y) - penalty(x, y, mx, my);
    const found = maximizeLocal2D(g, { x: px, y: py, value: gp }, h, REFINE_TOL * (1 + Math.abs(gp)), 1e-9 * h, 120);
    if (found.value > bestV[k]) {
      bestV[k] = found.value;
      bestX[k] = found.x;
      bestY[k] = found.y;
      lossAt[k] = found.value + penalty(found.x, found.y, mx, my);
    }
  };
  for (let i = 0; i < points; i++)
    for (let j = 0; j < points; j++) {
      visit(i, j, i, j - 1);
      visit(i, j, i - 1, j);
    }
  for (let i = points - 1; i >= 0; i--)
    for (let j = points - 1; j >= 0; j--) {
      visit(i, j, i, j + 1);
      visit(i, j, i + 1, j);
    }
}
