import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximizeAround } from './local-search2d.ts';

describe('maximizeAround', () => {
  it('a skewed smooth peak: the second, narrower parabola settles it without Brent (few evaluations), at an evaluated point', () => {
    // A peak at t = 1 with a strong cubic term (the first parabola's prediction misses); start off the peak.
    const f = (t: number) => Math.exp(-((t - 1) ** 2)) + 0.1 * (t - 1) ** 3;
    let evals = 0;
    const g = (t: number) => {
      evals++;
      return f(t);
    };
    const d = (2 * Math.PI) / 40;
    const t0 = 1 - 0.3 * d;
    const r = maximizeAround(g, t0, f(t0), d, 1e-7 * (1 + f(t0)), 1e-6 * d);
    let best = -Infinity;
    for (let t = t0 - d; t <= t0 + d; t += 1e-6) best = Math.max(best, f(t));
    expect(r.value).toBe(f(r.t));
    expect(best - r.value).toBeLessThan(1e-7);
    // One parabola then Brent took 10 evaluations here.
    expect(evals).toBeLessThanOrEqual(6);
  });

  it('never returns less than the start, always an evaluated point, and at the max of random skewed bumps with one peak in the bracket (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), fc.double({ min: -0.05, max: 0.05, noNaN: true }), (shift, width, skew) => {
        const f = (t: number) => Math.exp(-((t - shift) ** 2) / (2 * width * width)) + skew * (t - shift) ** 3;
        const d = 0.3;
        const t0 = shift + 0.1;
        const r = maximizeAround(f, t0, f(t0), d, 1e-9, 1e-9);
        expect(r.value).toBe(f(r.t));
        expect(r.value).toBeGreaterThanOrEqual(f(t0));
        let best = -Infinity;
        for (let t = t0 - d; t <= t0 + d; t += 1e-5) best = Math.max(best, f(t));
        expect(r.value).toBeGreaterThanOrEqual(best - 1e-8);
      }),
      { numRuns: 200 },
    );
  });
});
