// TEMPORARY STUB (being replaced): geometry at the current mean.
import { computeLandscape1D } from './landscape1d.ts';
import type { PointGeometry } from './landscape1d.types.ts';
import type { Loss1D } from './objectives.ts';

export function geometryAt(loss: Loss1D, m: number, sigma: number, rho: number): PointGeometry {
  const l = computeLandscape1D({ loss, from: m, to: m + 1e-9, points: 2, sigma, rho });
  return {
    m, sigma, rho, loss: l.loss[0], expected: l.expected[0], samArgmax: m + rho, sam: l.sam[0],
    adversarial: m + l.eps[0], eps: l.eps[0], relaxed: l.relaxed[0], rhoEq: l.rhoEq[0],
    majorant: { a: l.biconjugate[0] - sigma * sigma, b: 0, c: 1 }, atoms: [{ theta: m, weight: 1 }],
    biconjugate: l.biconjugate[0], warnings: [],
  };
}
