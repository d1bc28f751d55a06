import { describe, expect, it } from 'vitest';
import { computeLandscape1D, validateLandscapeInput } from './landscape1d.ts';
import { denseBiconjugateUpper, denseExpected, denseRelaxed, denseSam } from './testing/dense-reference.ts';

const sharpFlat = (t: number) =>
  0.05 * t * t - 1.2 * Math.exp(-((t + 1.5) ** 2) / (2 * 0.15 ** 2)) - 0.8 * Math.exp(-((t - 1.5) ** 2) / (2 * 0.8 ** 2));
const wiggly = (t: number) => 0.1 * t * t + 0.3 * Math.sin(8 * t);

function maxAbsDiff(xs: Float64Array, f: (i: number) => number): number {
  let worst = 0;
  for (let i = 0; i < xs.length; i++) worst = Math.max(worst, Math.abs(xs[i] - f(i)));
  return worst;
}

describe('closed forms (theory.md §2 fact 3) to 1e-9', () => {
  it.each([0.4, 1, 2.5])('quadratic aθ²/2 with a = %s', (a) => {
    const sigma = 0.45;
    const rho = 0.3;
    const r = computeLandscape1D({ loss: (t) => (a * t * t) / 2, from: -2, to: 2, points: 401, sigma, rho });
    const m = r.theta;
    expect(maxAbsDiff(r.expected, (i) => (a * (m[i] ** 2 + sigma ** 2)) / 2)).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.biconjugate, (i) => (a * (m[i] ** 2 + sigma ** 2)) / 2)).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.sam, (i) => (a * (Math.abs(m[i]) + rho) ** 2) / 2)).toBeLessThan(1e-9);
    if (a * sigma * sigma < 1) expect(maxAbsDiff(r.relaxed, (i) => (a * m[i] ** 2) / (2 * (1 - a * sigma * sigma)))).toBeLessThan(1e-9);
  });

  it('quadratic with aσ² ≥ 1: relaxed is +∞ and biconjugate stays finite', () => {
    const r = computeLandscape1D({ loss: (t) => t * t, from: -1, to: 1, points: 51, sigma: 1, rho: 0.1 });
    expect([...r.relaxed].every((v) => v === Infinity)).toBe(true);
    expect(maxAbsDiff(r.biconjugate, (i) => r.theta[i] ** 2 + 1)).toBeLessThan(1e-9);
    expect(r.warnings.join(' ')).toMatch(/relaxed is \+∞/);
  });

  it('concave quadratic: B = E = −(m² + σ²)', () => {
    const r = computeLandscape1D({ loss: (t) => -t * t, from: -1, to: 1, points: 41, sigma: 0.5, rho: 0 });
    expect(maxAbsDiff(r.biconjugate, (i) => -(r.theta[i] ** 2 + 0.25))).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.expected, (i) => -(r.theta[i] ** 2 + 0.25))).toBeLessThan(1e-9);
  });

  it('linear gθ', () => {
    const g = -0.7;
    const sigma = 0.3;
    const rho = 0.2;
    const r = computeLandscape1D({ loss: (t) => g * t, from: -3, to: 3, points: 301, sigma, rho });
    expect(maxAbsDiff(r.expected, (i) => g * r.theta[i])).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.biconjugate, (i) => g * r.theta[i])).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.relaxed, (i) => g * r.theta[i] + (sigma * sigma * g * g) / 2)).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.sam, (i) => g * r.theta[i] + rho * Math.abs(g))).toBeLessThan(1e-9);
    expect(maxAbsDiff(r.eps, () => sigma * sigma * g)).toBeLessThan(1e-9);
  });
});

describe('against dense references', () => {
  const cases = [
    { name: 'sharp-flat', loss: sharpFlat, sigma: 0.5, rho: 0.3, tol: 1e-6 },
    { name: 'sharp-flat, small σ', loss: sharpFlat, sigma: 0.12, rho: 0.05, tol: 1e-6 },
    { name: 'wiggly', loss: wiggly, sigma: 0.3, rho: 0.4, tol: 1e-6 },
    { name: '|θ| (kinked)', loss: Math.abs, sigma: 0.5, rho: 0.3, tol: 1e-4 },
  ];
  it.each(cases)('$name: expected, sam, relaxed within tolerance; biconjugate within 1e-4', ({ loss, sigma, rho, tol }) => {
    const r = computeLandscape1D({ loss, from: -3, to: 3, points: 61, sigma, rho });
    for (let i = 0; i < r.theta.length; i += 4) {
      const m = r.theta[i];
      expect(Math.abs(r.expected[i] - denseExpected(loss, m, sigma))).toBeLessThan(tol);
      expect(Math.abs(r.sam[i] - denseSam(loss, m, rho))).toBeLessThan(tol);
      expect(Math.abs(r.relaxed[i] - denseRelaxed(loss, m, sigma))).toBeLessThan(tol);
    }
    for (const i of [10, 30, 45]) {
      const m = r.theta[i];
      const upper = denseBiconjugateUpper(loss, m, sigma, m - 12 * sigma - 3, m + 12 * sigma + 3);
      expect(Math.abs(r.biconjugate[i] - upper)).toBeLessThan(1e-4);
    }
  });
});

describe('growth and bad values are reported, not plotted', () => {
  it('quartic: relaxed and biconjugate are +∞ with warnings', () => {
    const r = computeLandscape1D({ loss: (t) => t ** 4, from: -2, to: 2, points: 21, sigma: 0.5, rho: 0.1 });
    expect([...r.relaxed].every((v) => v === Infinity)).toBe(true);
    expect([...r.biconjugate].every((v) => v === Infinity)).toBe(true);
    expect(r.warnings.some((w) => w.includes('biconjugate is +∞'))).toBe(true);
  });
  it('a loss undefined for θ < 0 gives NaN with a warning, never a number', () => {
    const r = computeLandscape1D({ loss: (t) => Math.sqrt(t), from: -1, to: 1, points: 21, sigma: 0.2, rho: 0.1 });
    expect(Number.isNaN(r.loss[0])).toBe(true);
    expect(Number.isNaN(r.expected[0])).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('loss is not finite'))).toBe(true);
  });
  it('validates its input', () => {
    expect(validateLandscapeInput({ from: 1, to: 0, points: 10, sigma: 1, rho: 0 })).toMatch(/less than/);
    expect(validateLandscapeInput({ from: 0, to: 1, points: 1, sigma: 1, rho: 0 })).toMatch(/points/);
    expect(validateLandscapeInput({ from: 0, to: 1, points: 10, sigma: 0, rho: 0 })).toMatch(/sigma/);
    expect(validateLandscapeInput({ from: 0, to: 1, points: 10, sigma: 1, rho: -1 })).toMatch(/rho/);
    expect(() => computeLandscape1D({ loss: Math.abs, from: 0, to: 1, points: 10, sigma: NaN, rho: 0 })).toThrow(RangeError);
  });
  it('minimisers move from the sharp to the flat well as σ grows (Fig. 1)', () => {
    const small = computeLandscape1D({ loss: sharpFlat, from: -3, to: 3, points: 601, sigma: 0.05, rho: 0.05 });
    const large = computeLandscape1D({ loss: sharpFlat, from: -3, to: 3, points: 601, sigma: 0.6, rho: 0.5 });
    for (const name of ['expected', 'relaxed', 'biconjugate', 'sam'] as const) {
      expect(small.argmin[name]).toBeLessThan(0);
      expect(large.argmin[name]).toBeGreaterThan(0);
    }
  });
});

describe('biconjugate: the working spacing is decided by an error bound', () => {
  it('tanh(50θ) + 0.1θ² at σ = 0.005 on the CLI default grid (spacing 0.6σ): B(0) within 1e-5 of a dense dual reference', () => {
    const loss = (t: number) => Math.tanh(50 * t) + 0.1 * t * t;
    const r = computeLandscape1D({ loss, from: -3, to: 3, points: 201, sigma: 0.005, rho: 0.01 });
    const upper = denseBiconjugateUpper(loss, 0, 0.005, -0.08, 0.08, 8001);
    expect(Math.abs(r.biconjugate[100] - upper)).toBeLessThan(1e-5);
  });
});
