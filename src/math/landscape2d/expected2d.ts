/**
 * `expected` in 2-D: E_σ(m) = E_{ε∼N(0,σ²I)} ℓ(m+ε) on the output grid (theory.md §2, §3).
 *
 * The isotropic Gaussian is separable, so the 2-D integral is a row pass then a column pass of the 1-D
 * Gaussian-weighted trapezoidal sum. ℓ is sampled on a working grid whose spacing is at most the
 * output spacing and σ/4 and which extends TAIL·σ beyond the view (the same boundary rule as the 1-D
 * code: evaluate the loss where the Gaussian reaches, never clamp or reflect). With σ/h ≥ 4 the
 * trapezoidal rule is exponentially accurate on a smooth integrand. Only output columns are kept by the
 * row pass and only output rows by the column pass, so the cost is O(rows·N·r + N²·r).
 *
 * When σ is so small against the output spacing that the working grid would exceed MAX_AXIS_COUNT,
 * the samples that matter are disjoint patches around each output point: each point then gets its own
 * tensor-product Gauss–Hermite rule instead.
 */
import { gaussHermite } from './gauss-hermite.ts';
import { outputIndices, planAxes, sampleGrid } from './grid2d.ts';
import type { GridPlan, WorkingGrid2D } from './grid2d.ts';
import type { Loss2D, View2D } from './types.ts';
import { findKinks, kinkError } from './kink-correction.ts';
import { gaussianKernel } from '../gaussian-kernel.ts';

/** The Gaussian is cut at ±TAIL σ: the mass beyond, per axis, is 2.6e-12. */
const TAIL = 7;
const PER_SIGMA = 4;
export const MAX_AXIS_COUNT = 2048;
const HERMITE_NODES = 16;

export interface Expected2DResult {
  values: Float64Array;
  /** Output points with a non-finite loss within ±TAIL·σ (value NaN there). */
  notFinite: number;
  method: 'separable' | 'gauss-hermite';
}


/** The working grid `expected` needs: spacing ≤ σ/4 and the output spacing, TAIL·σ beyond the view. */
export function expectedPlan(sigma: number): GridPlan {
  return { maxStep: sigma / PER_SIGMA, pad: TAIL * sigma, maxCount: MAX_AXIS_COUNT };
}

/** Whether that grid would be too large (σ tiny against the output spacing): then each point is integrated alone. */
export function expectedNeedsPointwise(view: View2D, points: number, sigma: number): boolean {
  const { xAxis, yAxis } = planAxes(view, points, expectedPlan(sigma));
  return xAxis.count > MAX_AXIS_COUNT || yAxis.count > MAX_AXIS_COUNT || xAxis.h > sigma / 2 || yAxis.h > sigma / 2;
}

/**
 * E = +∞ everywhere when ℓ grows like exp(b‖θ‖²) with 2bσ² ≥ 1 along some direction (the integrand
 * exp(b r² − r²/(2σ²)) does not decay), or faster than any exp(b r²). Probed along 16 rays from the
 * view's centre: b ≈ log ℓ / r² at radii growing by 1.5×, until ℓ overflows.
 */
export function expectedUnbounded2D(loss: Loss2D, view: View2D, sigma: number): boolean {
  const cx = (view.xFrom + view.xTo) / 2;
  const cy = (view.yFrom + view.yTo) / 2;
  // From a small radius up: a loss like exp(exp(x + y)) overflows within a few view widths.
  const r0 = Math.hypot(view.xTo - view.xFrom, view.yTo - view.yFrom) / 16;
  for (let d = 0; d < 16; d++) {
    const ux = Math.cos((d * Math.PI) / 8);
    const uy = Math.sin((d * Math.PI) / 8);
    const b: number[] = [];
    for (let k = 0; k < 40; k++) {
      const r = r0 * 1.5 ** k;
      const v = loss(cx + r * ux, cy + r * uy);
      if (!(v > 1) || v === Infinity) break;
      b.push(Math.log(v) / (r * r));
    }
    if (b.length < 2) continue;
    const last = b[b.length - 1];
    const prev = b[b.length - 2];
    if (last > 0 && last >= prev * (1 - 1e-6) && (2 * last * sigma * sigma >= 1 - 1e-9 || last > 1.5 * prev)) return true;
  }
  return false;
}

export function expectedGrid(loss: Loss2D, view: View2D, points: number, sigma: number): Expected2DResult {
  if (expectedNeedsPointwise(view, points, sigma)) return expectedPointwise(loss, view, points, sigma);
  const { xAxis, yAxis } = planAxes(view, points, expectedPlan(sigma));
  return expectedOnGrid(sampleGrid(loss, xAxis, yAxis), points, sigma);
}

/** The separable sum on a sampled working grid (spacing ≤ σ/2, padded by at least TAIL·σ or as far as it goes). */
export function expectedOnGrid(grid: WorkingGrid2D, points: number, sigma: number): Expected2DResult {
  const { xAxis, yAxis } = grid;
  const cols = xAxis.count;
  const rows = yAxis.count;
  const rx = Math.min(Math.floor((TAIL * sigma) / xAxis.h), xAxis.offset);
  const ry = Math.min(Math.floor((TAIL * sigma) / yAxis.h), yAxis.offset);
  const outCols = outputIndices(xAxis, points);
  const outRows = outputIndices(yAxis, points);
  const rowFrom = outRows[0] - ry;
  const rowTo = outRows[points - 1] + ry;
  // Non-finite samples count as 0 in the sums (the grid may be shared: never modify it) and are
  // counted in a summed-area table, so "any bad sample in the window" is O(1) per output point.
  const samples = new Float64Array(grid.values);
  const W = cols + 1;
  const bad = new Int32Array((rows + 1) * W);
  for (let r = 0; r < rows; r++) {
    let run = 0;
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      if (!Number.isFinite(samples[k])) {
        run++;
        samples[k] = 0;
      }
      bad[(r + 1) * W + c + 1] = bad[r * W + c + 1] + run;
    }
  }
  const kx = gaussianKernel(rx, xAxis.h / sigma);
  const ky = gaussianKernel(ry, yAxis.h / sigma);
  // Kink corrections need the kernel to be the whole Gaussian (not cut short by a grid that ends early).
  const errX = rx === Math.floor((TAIL * sigma) / xAxis.h) ? kinkError(kx, sigma / xAxis.h) : null;
  const errY = ry === Math.floor((TAIL * sigma) / yAxis.h) ? kinkError(ky, sigma / yAxis.h) : null;
  const values0 = grid.values;
  // Whether a row-pass value read any non-finite sample: the column pass's kink tests skip those.
  const rowTainted = new Uint8Array((rowTo - rowFrom + 1) * points);

  // Row pass over the rows the column pass will read, output columns only: rowPass[(r − rowFrom)·N + j].
  const rowPass = new Float64Array((rowTo - rowFrom + 1) * points);
  for (let r = rowFrom; r <= rowTo; r++) {
    const base = r * cols;
    const dst = (r - rowFrom) * points;
    const kinks = errX ? findKinks(samples, base, 1, cols, (q) => q >= 0 && q < cols && !Number.isFinite(values0[base + q])) : [];
    for (let j = 0; j < points; j++) {
      const c = base + outCols[j];
      // The kernel is symmetric: fold the two sides to halve the multiplications.
      let acc = kx[rx] * samples[c];
      for (let t = 1; t <= rx; t++) acc += kx[rx + t] * (samples[c + t] + samples[c - t]);
      if (errX) for (const kink of kinks) acc += kink.jump * errX(kink.at - outCols[j]);
      rowPass[dst + j] = acc;
      const left = outCols[j] - rx;
      const right = outCols[j] + rx + 1;
      if (bad[(r + 1) * W + right] - bad[r * W + right] - bad[(r + 1) * W + left] + bad[r * W + left] > 0) rowTainted[dst + j] = 1;
    }
  }
  const passRows = rowTo - rowFrom + 1;
  const columnKinks = Array.from(outCols, (_, j) => (errY ? findKinks(rowPass, j, points, passRows, (m) => m >= 0 && m < passRows && rowTainted[m * points + j] === 1) : []));
  const values = new Float64Array(points * points);
  let notFinite = 0;
  for (let i = 0; i < points; i++) {
    const r0 = outRows[i];
    const centre = (r0 - rowFrom) * points;
    for (let j = 0; j < points; j++) {
      let acc = ky[ry] * rowPass[centre + j];
      for (let t = 1; t <= ry; t++) acc += ky[ry + t] * (rowPass[centre + t * points + j] + rowPass[centre - t * points + j]);
      if (errY) for (const kink of columnKinks[j]) acc += kink.jump * errY(kink.at - (r0 - rowFrom));
      const c0 = outCols[j];
      const top = r0 - ry;
      const bottom = r0 + ry + 1;
      const left = c0 - rx;
      const right = c0 + rx + 1;
      const badCount = bad[bottom * W + right] - bad[top * W + right] - bad[bottom * W + left] + bad[top * W + left];
      if (badCount > 0) {
        values[i * points + j] = NaN;
        notFinite++;
      } else values[i * points + j] = acc;
    }
  }
  return { values, notFinite, method: 'separable' };
}

function expectedPointwise(loss: Loss2D, view: View2D, points: number, sigma: number): Expected2DResult {
  const { nodes, weights } = gaussHermite(HERMITE_NODES);
  const values = new Float64Array(points * points);
  let notFinite = 0;
  const hx = (view.xTo - view.xFrom) / (points - 1);
  const hy = (view.yTo - view.yFrom) / (points - 1);
  for (let i = 0; i < points; i++) {
    const y = i === points - 1 ? view.yTo : view.yFrom + i * hy;
    for (let j = 0; j < points; j++) {
      const x = j === points - 1 ? view.xTo : view.xFrom + j * hx;
      let acc = 0;
      for (let a = 0; a < HERMITE_NODES; a++) {
        const yy = y + sigma * nodes[a];
        let row = 0;
        for (let b = 0; b < HERMITE_NODES; b++) row += weights[b] * loss(x + sigma * nodes[b], yy);
        acc += weights[a] * row;
      }
      if (!Number.isFinite(acc)) {
        notFinite++;
        acc = NaN;
      }
      values[i * points + j] = acc;
    }
  }
  return { values, notFinite, method: 'gauss-hermite' };
}
