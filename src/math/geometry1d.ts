/** The geometry drawn at the current mean m: SAM's ball, the adversarial point, Q_σ, Q* and its atoms. */
import { computeWithDetail } from './landscape1d.ts';
import type { PointGeometry } from './landscape1d.types.ts';
import type { Loss1D } from './objectives.ts';

/**
 * Everything at one mean m. `span` is the width of the plot domain: the working grid then has the same
 * density as the curves', so the values here agree with the plotted curves at m.
 */
export function geometryAt(loss: Loss1D, m: number, sigma: number, rho: number, span = 6): PointGeometry {
  const half = span / 2;
  const r = computeWithDetail({ loss, from: m - half, to: m + half, points: 3, sigma, rho }, 1);
  const detail = r.detail;
  return {
    m,
    sigma,
    rho,
    loss: r.loss[1],
    expected: r.expected[1],
    samArgmax: r.samArgmax[1],
    sam: r.sam[1],
    adversarial: m + r.eps[1],
    eps: r.eps[1],
    relaxed: r.relaxed[1],
    rhoEq: r.rhoEq[1],
    majorant: detail?.majorant ?? null,
    atoms: detail?.atoms ?? [],
    biconjugate: r.biconjugate[1],
    warnings: r.warnings,
  };
}
