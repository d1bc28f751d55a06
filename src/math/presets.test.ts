import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.ts';
import { findPreset, LOSS_PRESETS } from './presets.ts';

function preset(id: string) {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

function lossOf(expression: string): (t: number) => number {
  const r = compileExpression(expression);
  if (!r.ok) throw new Error(`${expression}: ${r.error.message}`);
  return r.fn1;
}

/** Brute-force E_σ(m) by a dense Gaussian-weighted sum over ±8σ (fine for these smooth losses). */
function expected(l: (t: number) => number, m: number, sigma: number): number {
  let acc = 0;
  let w = 0;
  for (let k = -800; k <= 800; k++) {
    const d = (k / 800) * 8 * sigma;
    const g = Math.exp(-(d * d) / (2 * sigma * sigma));
    acc += g * l(m + d);
    w += g;
  }
  return acc / w;
}

/** Brute-force R_σ(m) = sup_ε ℓ(m+ε) − ε²/(2σ²) on a grid of ε over ±15σ. */
function relaxed(l: (t: number) => number, m: number, sigma: number): number {
  let best = -Infinity;
  for (let k = -3000; k <= 3000; k++) {
    const d = (k / 3000) * 15 * sigma;
    best = Math.max(best, l(m + d) - (d * d) / (2 * sigma * sigma));
  }
  return best;
}

function sam(l: (t: number) => number, m: number, rho: number): number {
  let best = -Infinity;
  for (let k = -200; k <= 200; k++) best = Math.max(best, l(m + (k / 200) * rho));
  return best;
}

function argmin(f: (m: number) => number, from = -3, to = 3, n = 301): number {
  let bestM = NaN;
  let bestV = Infinity;
  for (let i = 0; i < n; i++) {
    const m = from + ((to - from) * i) / (n - 1);
    const v = f(m);
    if (v < bestV) [bestM, bestV] = [m, v];
  }
  return bestM;
}

describe('LOSS_PRESETS', () => {
  it('have unique ids and sensible suggested settings', () => {
    expect(new Set(LOSS_PRESETS.map((p) => p.id)).size).toBe(LOSS_PRESETS.length);
    for (const id of ['sharp-flat', 'double-well', 'asymmetric-valley', 'quadratic', 'abs', 'wiggly']) {
      expect(findPreset(id), id).toBeDefined();
    }
    for (const p of LOSS_PRESETS) {
      expect(p.from, p.id).toBeLessThan(p.to);
      expect(p.m, p.id).toBeGreaterThanOrEqual(p.from);
      expect(p.m, p.id).toBeLessThanOrEqual(p.to);
      expect(p.sigma, p.id).toBeGreaterThan(0);
      expect(p.rho, p.id).toBeGreaterThanOrEqual(0);
      expect(p.name.length, p.id).toBeGreaterThan(0);
      expect(p.description.length, p.id).toBeGreaterThan(20);
    }
  });

  it('compile and are finite on their domain (± 12σ)', () => {
    for (const p of LOSS_PRESETS) {
      const l = lossOf(p.expression);
      for (let i = 0; i <= 1000; i++) {
        const t = p.from - 12 * p.sigma + ((p.to - p.from + 24 * p.sigma) * i) / 1000;
        expect(Number.isFinite(l(t)), `${p.id} at ${t}`).toBe(true);
      }
    }
  });

  it('grow at most like aθ²/2 with aσ² < 1 (so relaxed is finite), except the quartic double well', () => {
    for (const p of LOSS_PRESETS) {
      const l = lossOf(p.expression);
      // Curvature bound a = sup 2ℓ(θ)/θ² far out.
      const a = Math.max(...[1e2, 1e3, 1e4, -1e2, -1e3, -1e4].map((t) => (2 * l(t)) / (t * t)));
      if (p.id === 'double-well') {
        expect(a).toBeGreaterThan(1e6);
        expect(p.description).toMatch(/faster than quadratically.*\+∞/);
      } else {
        expect(a * p.sigma * p.sigma, p.id).toBeLessThan(0.5);
      }
    }
  });

  it('findPreset returns undefined for unknown ids', () => {
    expect(findPreset('nope')).toBeUndefined();
    expect(findPreset('sharp-flat')?.name).toBe('Sharp and flat minima (Fig. 1)');
  });
});

describe('sharp-flat preset', () => {
  const l = lossOf(preset('sharp-flat').expression);
  const SHARP = -1.5;
  const FLAT = 1.4;
  const near = (x: number, target: number, tol: number) => Math.abs(x - target) < tol;

  it('the loss itself is lowest in the sharp well', () => {
    expect(near(argmin(l), SHARP, 0.05)).toBe(true);
  });

  it('expected: sharp minimum for σ = 0.1, flat one for σ = 0.5 and 0.8', () => {
    expect(near(argmin((m) => expected(l, m, 0.1)), SHARP, 0.05)).toBe(true);
    expect(near(argmin((m) => expected(l, m, 0.5)), FLAT, 0.2)).toBe(true);
    expect(near(argmin((m) => expected(l, m, 0.8)), FLAT, 0.3)).toBe(true);
  });

  it('relaxed: sharp minimum for σ = 0.1, flat one for σ = 0.5', () => {
    expect(near(argmin((m) => relaxed(l, m, 0.1), -3, 3, 121), SHARP, 0.06)).toBe(true);
    expect(near(argmin((m) => relaxed(l, m, 0.5), -3, 3, 121), FLAT, 0.1)).toBe(true);
  });

  it('sam: sharp minimum for ρ = 0.05, flat one for ρ = 0.3', () => {
    expect(near(argmin((m) => sam(l, m, 0.05)), SHARP, 0.05)).toBe(true);
    expect(near(argmin((m) => sam(l, m, 0.3)), FLAT, 0.1)).toBe(true);
  });
});

describe('other presets', () => {
  it('quadratic matches its closed forms', () => {
    const l = lossOf(preset('quadratic').expression);
    const sigma = 0.5;
    for (const m of [-1, 0, 0.7]) {
      expect(expected(l, m, sigma)).toBeCloseTo((m * m + sigma * sigma) / 2, 6);
      expect(relaxed(l, m, sigma)).toBeCloseTo((m * m) / (2 * (1 - sigma * sigma)), 4);
    }
  });

  it('asymmetric valley: the expected-loss minimiser moves to the gentle (left) side as σ grows', () => {
    const l = lossOf(preset('asymmetric-valley').expression);
    const a0 = argmin(l);
    const a5 = argmin((m) => expected(l, m, 0.5));
    expect(a0).toBeCloseTo(-0.42, 1);
    expect(a5).toBeLessThan(a0 - 0.2);
  });

  it('wiggly: large σ smooths the ripples away (minimiser goes to the bowl centre)', () => {
    const l = lossOf(preset('wiggly').expression);
    expect(Math.abs(argmin((m) => expected(l, m, 0.6), -4, 4, 401))).toBeLessThan(0.05);
    expect(Math.abs(argmin(l, -4, 4, 401))).toBeGreaterThan(0.1);
  });
});
