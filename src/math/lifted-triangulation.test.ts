import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liftedTriangulation, locateFacet } from './lifted-triangulation.ts';

describe('lifted triangulation (upper hull of (θ, θ², ℓ))', () => {
  it('every located facet is a majorant touching ℓ at ≤ 3 atoms with mean m and variance σ²', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 5, maxLength: 60 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (values, where, sigmaFraction, seed) => {
          const n = values.length;
          const theta = Float64Array.from(values, (_, j) => j / (n - 1));
          const l = Float64Array.from(values);
          const t = liftedTriangulation(theta, l, seed);
          expect(t).not.toBeNull();
          if (!t) return;
          // m on a grid point (as the curves' outputs are): a σ smaller than the grid spacing is then fine too.
          const m = theta[Math.min(n - 2, Math.max(1, Math.round(where * (n - 1))))];
          const s2 = (sigmaFraction * Math.min(m, 1 - m)) ** 2;
          const f = locateFacet(t, m, s2, null);
          expect(f).not.toBeNull();
          if (!f) return;
          const atoms = [f.i, f.j, f.k];
          const w = [f.wi, f.wj, f.wk];
          expect(w.every((x) => x >= -1e-9)).toBe(true);
          expect(Math.abs(w[0] + w[1] + w[2] - 1)).toBeLessThan(1e-9);
          const mean = atoms.reduce((acc, j, a) => acc + w[a] * theta[j], 0);
          const second = atoms.reduce((acc, j, a) => acc + w[a] * (theta[j] - m) ** 2, 0);
          expect(Math.abs(mean - m)).toBeLessThan(1e-9);
          expect(Math.abs(second - s2)).toBeLessThan(1e-9);
          // The quadratic through the three lifted corners lies on or above every point.
          const [i, j, k] = atoms;
          const q = (x: number) =>
            (l[i] * (x - theta[j]) * (x - theta[k])) / ((theta[i] - theta[j]) * (theta[i] - theta[k])) +
            (l[j] * (x - theta[i]) * (x - theta[k])) / ((theta[j] - theta[i]) * (theta[j] - theta[k])) +
            (l[k] * (x - theta[i]) * (x - theta[j])) / ((theta[k] - theta[i]) * (theta[k] - theta[j]));
          for (let p = 0; p < n; p++) expect(l[p]).toBeLessThanOrEqual(q(theta[p]) + 1e-6 * (1 + Math.abs(l[p])));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('walks from the previous facet to the same answer as a fresh search', () => {
    const n = 400;
    const theta = Float64Array.from({ length: n }, (_, j) => -3 + (6 * j) / (n - 1));
    const l = theta.map((x) => Math.sin(3 * x) + 0.1 * x * x);
    const t = liftedTriangulation(theta, l);
    if (!t) throw new Error('no hull');
    let prev = null;
    for (let m = -1.5; m <= 1.5; m += 0.01) {
      const walked = locateFacet(t, m, 0.09, prev);
      const fresh = locateFacet(t, m, 0.09, null);
      const value = (f: typeof walked) => (f ? f.wi * l[f.i] + f.wj * l[f.j] + f.wk * l[f.k] : NaN);
      expect(Math.abs(value(walked) - value(fresh))).toBeLessThan(1e-12);
      prev = walked;
    }
  });
});
