/** The expected loss against closed forms, over many orders of magnitude (issue 10). */
import { describe, expect, it } from 'vitest';
import { expectedCurve } from './expected.ts';
import { linspace } from './grid.ts';

/** Relative error above 1, absolute below: the accuracy the app states for S, R, B and E. */
function worstError(got: Float64Array, want: (i: number) => number): number {
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want(i)) / Math.max(1, Math.abs(want(i))));
  return worst;
}

const Phi = (x: number) => 0.5 * erfc(-x / Math.SQRT2);
/** erfc by its continued fraction / series, accurate to ~1e-14 (enough for the |θ| closed form). */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    // erf series: Σ (−1)^n x^{2n+1} / (n! (2n+1)), times 2/√π.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
      if (Math.abs(term) < 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Lentz continued fraction for x ≥ 3.
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

describe('expected: closed forms to 1e-5 (relative above 1, absolute below)', () => {
  const m = linspace(-3, 3, 241);

  it.each([
    [1, 0.5],
    [1, 4],
    [6, 0.5],
    [-3, 1],
    [2, 3],
  ])('exp(%sθ) at σ = %s: E = e^{am + a²σ²/2}', (a, sigma) => {
    const r = expectedCurve((t) => Math.exp(a * t), m, sigma);
    expect(r.infinite + r.notFinite + r.overflow).toBe(0);
    expect(worstError(r.values, (i) => Math.exp(a * m[i] + (a * a * sigma * sigma) / 2))).toBeLessThan(1e-5);
  });

  it.each([
    [1, 0.5],
    [1, 0.6],
    [0.3, 1],
    [2, 0.3],
  ])('exp(%sθ²) at σ = %s (2bσ² < 1): E = exp(bm²/(1−2bσ²))/√(1−2bσ²)', (b, sigma) => {
    const s = 1 - 2 * b * sigma * sigma;
    const r = expectedCurve((t) => Math.exp(b * t * t), m, sigma);
    expect(r.infinite + r.notFinite + r.overflow).toBe(0);
    expect(worstError(r.values, (i) => Math.exp((b * m[i] * m[i]) / s) / Math.sqrt(s))).toBeLessThan(1e-5);
  });

  it('the issue\'s cases: exp(θ²) at σ = 0.5 and 0.6, exp(6θ) at σ = 0.5, exp(θ) at σ = 4, all at m = 0', () => {
    const at0 = (loss: (t: number) => number, sigma: number) => expectedCurve(loss, linspace(-3, 3, 601), sigma).values[300];
    expect(at0((t) => Math.exp(t * t), 0.5)).toBeCloseTo(Math.SQRT2, 9);
    expect(at0((t) => Math.exp(t * t), 0.6)).toBeCloseTo(1 / Math.sqrt(0.28), 9);
    expect(at0((t) => Math.exp(6 * t), 0.5) / Math.exp(4.5)).toBeCloseTo(1, 9);
    expect(at0(Math.exp, 4) / Math.exp(8)).toBeCloseTo(1, 9);
  });

  it.each([
    [1, 0.8],
    [1, Math.SQRT1_2],
    [1, 3],
    [0.01, 10],
  ])('exp(%sθ²) at σ = %s (2bσ² ≥ 1): +∞, never a number', (b, sigma) => {
    const r = expectedCurve((t) => Math.exp(b * t * t), linspace(-0.5, 0.5, 11), sigma);
    expect([...r.values].every((v) => v === Infinity)).toBe(true);
    expect(r.infinite).toBe(11);
  });

  it('exp(exp(θ)) is +∞ at every σ (its overflow is far beyond 40σ when σ is small), and −exp(θ²) at σ = 1 is −∞', () => {
    for (const sigma of [0.01, 0.5, 1000]) expect([...expectedCurve((t) => Math.exp(Math.exp(t)), m, sigma).values].every((v) => v === Infinity)).toBe(true);
    expect([...expectedCurve((t) => -Math.exp(t * t), m, 1).values].every((v) => v === -Infinity)).toBe(true);
  });

  it('a loss that overflows where the weight matters is not computable, not a number', () => {
    // E = e^{6m + 7200} is finite but far beyond the largest double.
    const r = expectedCurve((t) => Math.exp(6 * t), m, 20);
    expect([...r.values].every(Number.isNaN)).toBe(true);
    expect(r.overflow).toBe(m.length);
  });

  it.each([0.05, 0.45, 2])('quadratics 0.7θ² − 0.3θ + 2 at σ = %s: E = 0.7(m² + σ²) − 0.3m + 2', (sigma) => {
    const r = expectedCurve((t) => 0.7 * t * t - 0.3 * t + 2, m, sigma);
    expect(worstError(r.values, (i) => 0.7 * (m[i] ** 2 + sigma ** 2) - 0.3 * m[i] + 2)).toBeLessThan(1e-9);
  });

  // A kink costs the trapezoid rule h²/12 × the jump in the integrand's slope: 1.6e-5·σ for |θ| at 64 points
  // per σ (expected.ts), i.e. 2e-5 of E(0) = 0.8σ; theory.md asks ≤ 1e-4 for kinks.
  it.each([0.1, 0.5, 2])('|θ| at σ = %s: E = σ√(2/π) e^{−m²/2σ²} + m(1 − 2Φ(−m/σ)) to the kink bound', (sigma) => {
    const r = expectedCurve(Math.abs, m, sigma);
    const exact = (x: number) => sigma * Math.sqrt(2 / Math.PI) * Math.exp((-x * x) / (2 * sigma * sigma)) + x * (1 - 2 * Phi(-x / sigma));
    expect(worstError(r.values, (i) => exact(m[i]))).toBeLessThan(2.5e-5 * Math.max(1, sigma));
  });

  it('a positive loss never has a negative expectation, whatever its range', () => {
    for (const [loss, sigma] of [
      [(t: number) => Math.exp(t * t), 0.55],
      [(t: number) => Math.exp(12 * t), 0.7],
      [(t: number) => Math.exp(-20 * t) + Math.exp(20 * t), 0.3],
    ] as const) {
      const r = expectedCurve(loss, linspace(-3, 3, 301), sigma);
      for (const v of r.values) if (!Number.isNaN(v)) expect(v).toBeGreaterThan(0);
    }
  });
});
