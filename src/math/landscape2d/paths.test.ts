import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH_SETTINGS, gradient2D, runAllPaths, runPath, samPerturbation } from './paths.ts';
import type { PathSettings } from './paths.ts';
import type { Loss2D } from './types.ts';

// ℓ = ½(a x² + b y²): central differences are exact for a quadratic (up to rounding).
const a = 1;
const b = 4;
const bowl: Loss2D = (x, y) => 0.5 * (a * x * x + b * y * y);
const settings = (patch: Partial<PathSettings> = {}): PathSettings => ({ ...DEFAULT_PATH_SETTINGS, ...patch });

describe('gradient2D', () => {
  it('matches the analytic gradient', () => {
    const [gx, gy] = gradient2D((x, y) => Math.sin(x) * Math.exp(y), 0.7, -0.3);
    expect(gx).toBeCloseTo(Math.cos(0.7) * Math.exp(-0.3), 8);
    expect(gy).toBeCloseTo(Math.sin(0.7) * Math.exp(-0.3), 8);
  });
});

describe('GD', () => {
  it('contracts each axis of a quadratic by |1 − α·a| per step', () => {
    const lr = 0.1;
    const p = runPath('gd', bowl, 2, -1.5, settings({ learningRate: lr, steps: 30 }));
    expect(p.x).toHaveLength(31);
    for (let k = 0; k <= 30; k++) {
      expect(p.x[k]).toBeCloseTo(2 * (1 - lr * a) ** k, 9);
      expect(p.y[k]).toBeCloseTo(-1.5 * (1 - lr * b) ** k, 9);
    }
    expect(p.diverged).toBe(false);
  });

  it('diverges when α·b > 2 and stops at the first non-finite iterate', () => {
    const p = runPath('gd', bowl, 1, 1, settings({ learningRate: 0.6, steps: 5000 }));
    expect(p.diverged).toBe(true);
    expect(p.x.length).toBeLessThan(5001);
    expect([...p.x, ...p.y, ...p.loss].every(Number.isFinite)).toBe(true);
  });
});

describe('Adam', () => {
  it('takes a first step of α·sign(g) per coordinate', () => {
    const p = runPath('adam', bowl, 2, -1.5, settings({ learningRate: 0.05, steps: 1 }));
    expect(p.x[1]).toBeCloseTo(2 - 0.05, 6);
    expect(p.y[1]).toBeCloseTo(-1.5 + 0.05, 6);
  });

  it('approaches the minimum of the bowl', () => {
    const p = runPath('adam', bowl, 2, -1.5, settings({ learningRate: 0.05, steps: 1000 }));
    expect(Math.hypot(p.x[1000], p.y[1000])).toBeLessThan(0.05);
  });
});

describe('SAM', () => {
  it('perturbs by ρ·g/‖g‖ and steps with the gradient there', () => {
    expect(samPerturbation(3, 4, 0.5)).toEqual([0.3, 0.4]);
    expect(samPerturbation(0, 0, 0.5)).toEqual([0, 0]);
    const [x0, y0, rho, lr] = [2, -1.5, 0.2, 0.1];
    const p = runPath('sam', bowl, x0, y0, settings({ learningRate: lr, rho, steps: 1 }));
    const [ex, ey] = samPerturbation(a * x0, b * y0, rho);
    expect(p.x[1]).toBeCloseTo(x0 - lr * a * (x0 + ex), 9);
    expect(p.y[1]).toBeCloseTo(y0 - lr * b * (y0 + ey), 9);
  });

  it('with ρ = 0 is GD', () => {
    const s = settings({ rho: 0, steps: 20 });
    expect(Array.from(runPath('sam', bowl, 1, 1, s).x)).toEqual(Array.from(runPath('gd', bowl, 1, 1, s).x));
  });
});

describe('bSAM', () => {
  it('keeps the precision s positive, so the posterior std 1/√(N·s) is finite and positive', () => {
    const p = runPath('bsam', (x, y) => Math.sin(3 * x) + Math.cos(2 * y) + 0.05 * (x * x + y * y), 1, 1, settings({ steps: 400 }));
    expect(p.stdX).toHaveLength(p.x.length);
    for (const std of [...(p.stdX ?? []), ...(p.stdY ?? [])]) {
      expect(std).toBeGreaterThan(0);
      expect(Number.isFinite(std)).toBe(true);
    }
    // s starts at s_init: std_0 = 1/√(N·s_init).
    expect(p.stdX?.[0]).toBeCloseTo(1 / Math.sqrt(DEFAULT_PATH_SETTINGS.dataSize * DEFAULT_PATH_SETTINGS.sInit), 12);
  });

  it('is deterministic for a seed and changes with it', () => {
    const s = settings({ steps: 50 });
    const one = runPath('bsam', bowl, 2, 1, s);
    expect(Array.from(runPath('bsam', bowl, 2, 1, s).x)).toEqual(Array.from(one.x));
    expect(Array.from(runPath('bsam', bowl, 2, 1, { ...s, seed: 1 }).x)).not.toEqual(Array.from(one.x));
  });

  it('follows theory.md §5 on the first step (mean step with the old s, then s update)', () => {
    // With N huge the noise vanishes: θ = w, g = ∇ℓ(w), ĝ = ∇ℓ(w + ρ·g/s).
    const s = settings({ steps: 1, dataSize: 1e30, rho: 0.1, learningRate: 0.2, damping: 0.1, weightDecay: 0.01, sInit: 2 });
    const [x0, y0] = [1.5, -0.5];
    const p = runPath('bsam', bowl, x0, y0, s);
    const gx = a * x0;
    const hx = a * (x0 + (0.1 * gx) / 2);
    const gm = (1 - 0.9) * (hx + 0.01 * x0);
    expect(p.x[1]).toBeCloseTo(x0 - (0.2 * gm) / 2, 9);
    const s1 = 0.999 * 2 + 0.001 * (Math.sqrt(2) * Math.abs(gx) + 0.1 + 0.01);
    expect(p.stdX?.[1]).toBeCloseTo(1 / Math.sqrt(1e30 * s1), 25);
  });

  it('settles near a minimum of the bowl with a posterior that shrinks as N grows', () => {
    const small = runPath('bsam', bowl, 2, -1.5, settings({ steps: 600, dataSize: 10 }));
    const large = runPath('bsam', bowl, 2, -1.5, settings({ steps: 600, dataSize: 1000 }));
    const last = small.x.length - 1;
    expect(Math.hypot(small.x[last], small.y[last])).toBeLessThan(0.5);
    expect(large.stdX?.[last]).toBeLessThan(small.stdX?.[last] ?? 0);
  });
});

describe('runAllPaths', () => {
  it('runs the four optimizers from the same start', () => {
    const paths = runAllPaths(bowl, 1, 2, settings({ steps: 10 }));
    expect(paths.map((p) => p.name)).toEqual(['gd', 'adam', 'sam', 'bsam']);
    for (const p of paths) {
      expect(p.x[0]).toBe(1);
      expect(p.y[0]).toBe(2);
      expect(p.x).toHaveLength(11);
    }
  });

  it('rejects invalid settings', () => {
    expect(() => runPath('gd', bowl, 0, 0, settings({ steps: -1 }))).toThrow(RangeError);
    expect(() => runPath('gd', bowl, 0, 0, settings({ learningRate: 0 }))).toThrow(RangeError);
    expect(() => runPath('bsam', bowl, 0, 0, settings({ dataSize: 0 }))).toThrow(RangeError);
  });
});
