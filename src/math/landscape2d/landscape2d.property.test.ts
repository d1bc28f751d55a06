/** Invariants of theory.md §2 in 2-D (P = 2) on random losses: they must hold for every loss, σ and ρ. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLandscape2D } from './landscape2d.ts';
import type { Loss2D } from './types.ts';

/** Random smooth losses: a gentle bowl plus wells/bumps and a ripple; at most quadratic growth. */
const lossArb: fc.Arbitrary<Loss2D> = fc
  .record({
    bowl: fc.double({ min: 0, max: 0.3, noNaN: true }),
    wells: fc.array(
      fc.record({
        depth: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        cx: fc.double({ min: -2.5, max: 2.5, noNaN: true }),
        cy: fc.double({ min: -2.5, max: 2.5, noNaN: true }),
        width: fc.double({ min: 0.15, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    ripple: fc.double({ min: 0, max: 0.3, noNaN: true }),
    freq: fc.double({ min: 1, max: 6, noNaN: true }),
  })
  .map((p) => (x: number, y: number) => {
    let v = p.bowl * (x * x + y * y) + p.ripple * Math.sin(p.freq * x) * Math.cos(p.freq * y);
    for (const w of p.wells) v += w.depth * Math.exp(-((x - w.cx) ** 2 + (y - w.cy) ** 2) / (2 * w.width * w.width));
    return v;
  });

const sigmaArb = fc.double({ min: 0.1, max: 1, noNaN: true });
const rhoArb = fc.double({ min: 0, max: 1, noNaN: true });
const run = (loss: Loss2D, sigma: number, rho: number) => computeLandscape2D({ loss, xFrom: -3, xTo: 3, yFrom: -3, yTo: 3, points: 17, sigma, rho });
const TOL = 1e-9;

function everywhere(a: Float64Array, b: Float64Array, holds: (u: number, v: number) => boolean): string[] {
  const bad: string[] = [];
  for (let k = 0; k < a.length; k++) if (!holds(a[k], b[k])) bad.push(`k=${k}: ${a[k]} vs ${b[k]}`);
  return bad.slice(0, 3);
}

describe('2-D objective inequalities on random losses', () => {
  it('E ≤ R + P/2 = R + 1, ℓ ≤ R and ℓ ≤ S, all finite', () => {
    fc.assert(
      fc.property(lossArb, sigmaArb, rhoArb, (loss, sigma, rho) => {
        const r = run(loss, sigma, rho);
        for (const name of ['loss', 'expected', 'sam', 'relaxed'] as const) expect([...r[name]].every(Number.isFinite), name).toBe(true);
        expect(everywhere(r.expected, r.relaxed, (e, R) => e <= R + 1 + TOL)).toEqual([]);
        expect(everywhere(r.loss, r.relaxed, (l, R) => l <= R)).toEqual([]);
        expect(everywhere(r.loss, r.sam, (l, s) => l <= s)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('S is non-decreasing in ρ', () => {
    fc.assert(
      fc.property(lossArb, rhoArb, rhoArb, (loss, r1, r2) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = run(loss, 0.5, lo);
        const b = run(loss, 0.5, hi);
        expect(everywhere(a.sam, b.sam, (s1, s2) => s1 <= s2 + TOL)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('R is non-decreasing in σ', () => {
    fc.assert(
      fc.property(lossArb, sigmaArb, sigmaArb, (loss, s1, s2) => {
        const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const a = run(loss, lo, 0);
        const b = run(loss, hi, 0);
        // Different σ give different working lattices (spacing ≤ σ/4), so each value carries its own
        // refinement error, which the dense-reference test bounds by 1e-3: monotone up to that. (A bound of 1e-6
        // failed in about 1 run in 15: replaying fast-check's failing seeds gave violations of 2.4e-6 and 2.6e-4.)
        expect(everywhere(a.relaxed, b.relaxed, (x, y) => x <= y + 1e-3 * (1 + Math.abs(y)))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
