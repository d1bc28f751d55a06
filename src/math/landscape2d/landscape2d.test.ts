import { describe, expect, it } from 'vitest';
import { denseExpected2D, denseRelaxed2D, denseSam2D } from './dense-reference2d.ts';
import { expectedGrid } from './expected2d.ts';
import { gaussHermite } from './gauss-hermite.ts';
import { chordHalfWidths, samGrid } from './sam2d.ts';
import { computeLandscape2D, validateLandscape2DInput } from './landscape2d.ts';
import { compileLoss2D } from './loss2d.ts';
import { LOSS_2D_PRESETS } from './presets2d.ts';
import type { Loss2D } from './types.ts';

const VIEW = { xFrom: -3, xTo: 3, yFrom: -2, yTo: 2.5 };
const run = (loss: Loss2D, points: number, sigma: number, rho: number, view = VIEW) => computeLandscape2D({ loss, ...view, points, sigma, rho });

function compile(src: string): Loss2D {
  const c = compileLoss2D(src);
  if (!c.ok) throw new Error(c.error.message);
  return c.fn;
}

describe('computeLandscape2D: layout', () => {
  it('x and y are linspaces and grids are row-major with row i at y_i', () => {
    const r = run((x, y) => x + 10 * y, 5, 0.3, 0.2);
    expect(Array.from(r.x)).toEqual([-3, -1.5, 0, 1.5, 3]);
    expect(Array.from(r.y)).toEqual([-2, -0.875, 0.25, 1.375, 2.5]);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(r.loss[i * 5 + j]).toBe(r.x[j] + 10 * r.y[i]);
    for (const name of ['loss', 'expected', 'sam', 'relaxed'] as const) expect(r[name]).toHaveLength(25);
  });

  it('rejects invalid inputs with a reason', () => {
    const ok = { ...VIEW, points: 10, sigma: 0.5, rho: 0.1 };
    expect(validateLandscape2DInput(ok)).toBeNull();
    expect(validateLandscape2DInput({ ...ok, xTo: -3 })).toMatch(/x: -3 must be less than -3/);
    expect(validateLandscape2DInput({ ...ok, points: 1 })).toMatch(/points/);
    expect(validateLandscape2DInput({ ...ok, sigma: 0 })).toMatch(/sigma/);
    expect(validateLandscape2DInput({ ...ok, rho: -1 })).toMatch(/rho/);
    expect(() => run((x) => x, 1, 1, 1)).toThrow(RangeError);
  });
});

describe('closed forms (theory.md §2 fact 3, in 2-D)', () => {
  // ℓ = ½ mᵀAm with A = diag(a, b): E = ℓ + σ²(a + b)/2, R = a x²/(2(1 − aσ²)) + b y²/(2(1 − bσ²)).
  const a = 1;
  const b = 4;
  const bowl: Loss2D = (x, y) => 0.5 * (a * x * x + b * y * y);

  it('quadratic bowl: E = ℓ + σ²·tr(A)/2 and R separates per axis', () => {
    const sigma = 0.3;
    const r = run(bowl, 41, sigma, 0.2);
    for (let k = 0; k < r.loss.length; k++) {
      const x = r.x[k % 41];
      const y = r.y[Math.floor(k / 41)];
      expect(r.expected[k]).toBeCloseTo(r.loss[k] + (sigma * sigma * (a + b)) / 2, 9);
      const R = (a * x * x) / (2 * (1 - a * sigma * sigma)) + (b * y * y) / (2 * (1 - b * sigma * sigma));
      // Grid maximiser plus one parabolic step: exact for a quadratic up to rounding.
      expect(r.relaxed[k]).toBeCloseTo(R, 8);
    }
  });

  it('isotropic bowl: S = a(‖m‖ + ρ)²/2', () => {
    const rho = 0.35;
    const r = run((x, y) => 0.5 * (x * x + y * y), 33, 0.3, rho);
    for (let k = 0; k < r.loss.length; k++) {
      const norm = Math.hypot(r.x[k % 33], r.y[Math.floor(k / 33)]);
      expect(r.sam[k]).toBeLessThanOrEqual(0.5 * (norm + rho) ** 2 + 1e-12);
      expect(r.sam[k]).toBeGreaterThan(0.5 * (norm + rho) ** 2 - 1e-4);
    }
  });

  it('linear loss: E = ℓ, R = ℓ + σ²‖g‖²/2, S = ℓ + ρ‖g‖', () => {
    const g = [0.7, -1.3];
    const norm = Math.hypot(g[0], g[1]);
    const sigma = 0.4;
    const rho = 0.25;
    const r = run((x, y) => g[0] * x + g[1] * y, 21, sigma, rho);
    for (let k = 0; k < r.loss.length; k++) {
      expect(r.expected[k]).toBeCloseTo(r.loss[k], 10);
      expect(r.relaxed[k]).toBeCloseTo(r.loss[k] + (sigma * sigma * norm * norm) / 2, 8);
      expect(r.sam[k]).toBeCloseTo(r.loss[k] + rho * norm, 6);
    }
  });

  it('relaxed is +∞ where the loss outgrows the penalty, with a warning', () => {
    const r = run((x, y) => x ** 4 + y * y, 11, 0.5, 0.1);
    expect([...r.relaxed].every((v) => v === Infinity)).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/relaxed is \+∞/);
    // A quadratic with aσ² > 1: also +∞, found along the ray to the edge of the working grid.
    const steep = run((x, y) => 2 * (x * x + y * y), 11, 1, 0.1);
    expect([...steep.relaxed].every((v) => v === Infinity)).toBe(true);
  });

  it('non-finite losses are flagged, not averaged', () => {
    const r = run((x, y) => Math.log(x + 10) + y, 11, 0.3, 0.2, { xFrom: -9, xTo: 0, yFrom: 0, yTo: 1 });
    expect(Number.isNaN(r.expected[0])).toBe(true); // x = −9: the Gaussian reaches x ≤ −10
    expect(Number.isFinite(r.expected[10])).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/expected is not computable/);
  });
});

describe('dense references on the presets', () => {
  const probes = [[3, 5], [20, 20], [31, 2], [9, 27], [16, 16]];
  for (const p of LOSS_2D_PRESETS) {
    it(`${p.id}: expected ≤ 1e-4, sam and relaxed ≤ 1e-3 from dense sums and scans`, () => {
      const loss = compile(p.expression);
      const r = run(loss, 33, p.sigma, p.rho, p);
      for (const [i, j] of probes) {
        const k = i * 33 + j;
        const [x, y] = [r.x[j], r.y[i]];
        expect(Math.abs(r.expected[k] - denseExpected2D(loss, x, y, p.sigma))).toBeLessThan(1e-4);
        const S = denseSam2D(loss, x, y, p.rho);
        // The fast S is a max over points of the disk: never above the true max (up to the scan's own error).
        expect(r.sam[k]).toBeLessThanOrEqual(S + 1e-6 * (1 + Math.abs(S)));
        expect(S - r.sam[k]).toBeLessThan(1e-3);
        expect(Math.abs(r.relaxed[k] - denseRelaxed2D(loss, x, y, p.sigma))).toBeLessThan(1e-3);
      }
    });
  }
});

describe('pieces', () => {
  it('Gauss–Hermite integrates polynomials exactly: E z² = 1, E z⁴ = 3, E z⁶ = 15', () => {
    const { nodes, weights } = gaussHermite(16);
    const moment = (p: number) => nodes.reduce((acc, z, k) => acc + weights[k] * z ** p, 0);
    expect(moment(0)).toBeCloseTo(1, 13);
    expect(moment(1)).toBeCloseTo(0, 13);
    expect(moment(2)).toBeCloseTo(1, 12);
    expect(moment(4)).toBeCloseTo(3, 11);
    expect(moment(6)).toBeCloseTo(15, 10);
  });

  it('tiny σ uses per-point Gauss–Hermite and still matches the closed form', () => {
    const sigma = 1e-4;
    const r = expectedGrid((x, y) => x * x + 3 * y * y, VIEW, 64, sigma);
    expect(r.method).toBe('gauss-hermite');
    const x = -3 + (6 * 10) / 63;
    const y = -2 + (4.5 * 20) / 63;
    expect(r.values[20 * 64 + 10]).toBeCloseTo(x * x + 3 * y * y + 4 * sigma * sigma, 12);
  });

  it('the chords cover exactly the grid points of the disk', () => {
    const hx = 0.1;
    const hy = 0.07;
    const rho = 0.55;
    const w = chordHalfWidths(rho, hx, hy);
    for (let dy = -10; dy <= 10; dy++)
      for (let dx = -10; dx <= 10; dx++) {
        const inside = Math.hypot(dx * hx, dy * hy) <= rho + 1e-12;
        const covered = Math.abs(dy) < w.length && Math.abs(dx) <= w[Math.abs(dy)];
        expect(covered, `(${dx}, ${dy})`).toBe(inside);
      }
  });

  it('sam with ρ = 0 is the loss', () => {
    const loss = compile('sin(3*x)*cos(2*y) + 0.1*x*y');
    const r = run(loss, 17, 0.4, 0);
    expect(Array.from(r.sam)).toEqual(Array.from(r.loss));
    expect(Array.from(samGrid(loss, VIEW, 17, 0).values)).toEqual(Array.from(r.loss));
  });
});

describe('sam on a disk smaller than the grid spacing', () => {
  it('still finds the max on the circle (coarse grid, small ρ)', () => {
    const bowl: Loss2D = (x, y) => 0.5 * (x * x + 4 * y * y);
    const r = run(bowl, 5, 0.3, 0.05);
    for (let k = 0; k < 25; k++) {
      const [x, y] = [r.x[k % 5], r.y[Math.floor(k / 5)]];
      const S = denseSam2D(bowl, x, y, 0.05);
      expect(r.sam[k]).toBeLessThanOrEqual(S + 1e-9 * (1 + S));
      expect(S - r.sam[k]).toBeLessThan(1e-4 * (1 + S));
    }
  });
});
