/**
 * (m, σ) grids of `expected`, `biconjugate` and their gap B − E (theory.md §2 fact 6), for the heatmap.
 * One working grid and one lifted hull (it does not depend on σ) serve every row.
 */
import { biconjugateCurve, liftedHull } from './biconjugate.ts';
import { expectedCurve } from './expected.ts';
import { linspace, workingGrid } from './grid.ts';
import { workingPad } from './landscape1d.ts';
import type { MSigmaGrid, MSigmaInput } from './landscape1d.types.ts';
import type { Loss1D } from './objectives.ts';

/** Fewer samples per σ than the curves: the heatmap's colour resolution does not need 1e-6. */
const HEATMAP_PER_SIGMA = 16;

export function computeMSigmaGrid(input: MSigmaInput): MSigmaGrid {
  const { loss, mFrom, mTo, mPoints, sigmaPoints, sigmaFrom, sigmaTo } = input;
  if (!(mFrom < mTo) || mPoints < 2 || sigmaPoints < 1 || !(sigmaFrom > 0) || !(sigmaTo >= sigmaFrom)) {
    throw new RangeError('invalid (m, σ) grid: need mFrom < mTo, mPoints ≥ 2, sigmaPoints ≥ 1, 0 < sigmaFrom ≤ sigmaTo');
  }
  const sigma = new Float64Array(sigmaPoints);
  for (let j = 0; j < sigmaPoints; j++) sigma[j] = sigmaFrom * (sigmaTo / sigmaFrom) ** (sigmaPoints === 1 ? 0 : j / (sigmaPoints - 1));
  const m = linspace(mFrom, mTo, mPoints);
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of m) {
    const v = loss(t);
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const grid = workingGrid(loss, mFrom, mTo, mPoints, workingPad(hi - lo, sigmaTo, 0, mTo - mFrom));
  const outputs = new Int32Array(mPoints);
  for (let i = 0; i < mPoints; i++) outputs[i] = grid.offset + i * grid.refine;
  const hull = liftedHull(grid);

  const cells = mPoints * sigmaPoints;
  const expected = new Float64Array(cells);
  const biconjugate = new Float64Array(cells);
  const gap = new Float64Array(cells);
  let infinite = 0;
  let truncated = 0;
  try {
    for (let j = 0; j < sigmaPoints; j++) {
      const e = expectedCurve(loss, m, sigma[j], HEATMAP_PER_SIGMA).values;
      const b = biconjugateCurve(loss, grid, outputs, sigma[j], -1, hull);
      infinite += b.infinite;
      truncated += b.truncated;
      expected.set(e, j * mPoints);
      biconjugate.set(b.values, j * mPoints);
      for (let i = 0; i < mPoints; i++) gap[j * mPoints + i] = b.values[i] - e[i];
    }
  } finally {
    hull?.release();
  }
  const warnings: string[] = [];
  if (infinite) warnings.push(`biconjugate is +∞ in ${infinite} cells: the loss grows faster than any quadratic`);
  if (truncated) warnings.push(`biconjugate is not shown in ${truncated} cells: its extremal distribution reaches the edge of the computed domain`);
  return { m, sigma, expected, biconjugate, gap, warnings };
}

/** E, B and the gap B − E exactly at one (m, σ) (not read off the heatmap's grid), with the map's warnings. */
export interface GapAtPoint {
  expected: number;
  biconjugate: number;
  gap: number;
  warnings: string[];
}

/**
 * B − E at one point, on a working grid as dense as the 1-D panel's over a domain of width `span` (the
 * plot's), so the number agrees with the curves there. O(n) in that grid: one hull, one query.
 */
export function gapAt(loss: Loss1D, m: number, sigma: number, span: number): GapAtPoint {
  if (!Number.isFinite(m) || !(sigma > 0) || !Number.isFinite(sigma) || !(span > 0)) throw new RangeError('gapAt needs a finite m, σ > 0 and span > 0');
  const half = span / 2;
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of linspace(m - half, m + half, 201)) {
    const v = loss(t);
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const grid = workingGrid(loss, m - half, m + half, 3, workingPad(hi - lo, sigma, 0, span));
  const expected = expectedCurve(loss, Float64Array.of(m), sigma).values[0];
  const b = biconjugateCurve(loss, grid, Int32Array.of(grid.offset + grid.refine), sigma, -1);
  const biconjugate = b.values[0];
  const warnings: string[] = [];
  if (b.infinite) warnings.push('B is +∞ here: the loss grows faster than any quadratic');
  if (b.truncated) warnings.push('B is not shown here: its extremal distribution reaches the edge of the computed domain');
  if (!Number.isFinite(expected)) warnings.push('E is not computable here: the loss is not finite within ±9σ of m');
  return { expected, biconjugate, gap: biconjugate - expected, warnings };
}
