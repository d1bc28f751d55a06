/**
 * (m, σ) grids of `expected`, `biconjugate` and their gap B − E (theory.md §2 fact 6), for the heatmap.
 * One working grid and one lifted hull (it does not depend on σ) serve every row.
 */
import { biconjugateCurve, liftedHull } from './biconjugate.ts';
import { expectedCurve } from './expected.ts';
import { linspace, workingGrid } from './grid.ts';
import { workingPad } from './landscape1d.ts';
import type { MSigmaGrid, MSigmaInput } from './landscape1d.types.ts';

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
