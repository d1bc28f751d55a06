/**
 * E on random exponential-growth losses against a slow dense reference (issue 10): sums of c·e^{aθ} and
 * a quadratic, whose integrand's mass lies up to |a|σ from m and whose values span many orders of
 * magnitude within the plot. Every value must be within 1e-5 (relative above 1, absolute below), and E
 * of a positive loss must be positive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedCurve } from './expected.ts';
import { linspace } from './grid.ts';
import { denseExpectedWide } from './testing/dense-reference.ts';

const termArb = fc.record({
  c: fc.double({ min: 0.01, max: 5, noNaN: true }),
  a: fc.double({ min: -8, max: 8, noNaN: true }),
});
const caseArb = fc.record({
  terms: fc.array(termArb, { minLength: 1, maxLength: 3 }),
  quad: fc.double({ min: 0, max: 1, noNaN: true }),
  sigma: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
});

describe('expected on random exponential-growth losses', () => {
  it('matches a dense Simpson reference to 1e-5 and stays positive', () => {
    fc.assert(
      fc.property(caseArb, ({ terms, quad, sigma }) => {
        const loss = (t: number) => quad * t * t + terms.reduce((s, { c, a }) => s + c * Math.exp(a * t), 0);
        const m = linspace(-2, 2, 9);
        const r = expectedCurve(loss, m, sigma);
        // The reference integrates out to 12σ beyond the farthest peak (e^{aθ} peaks at z = aσ).
        const zMax = 12 + Math.max(...terms.map(({ a }) => Math.abs(a))) * sigma;
        for (let i = 0; i < m.length; i++) {
          const want = denseExpectedWide(loss, m[i], sigma, zMax, 20_000);
          expect(r.values[i]).toBeGreaterThan(0);
          expect(Math.abs(r.values[i] - want) / Math.max(1, Math.abs(want))).toBeLessThan(1e-5);
        }
      }),
      { numRuns: 40 },
    );
  });
});
