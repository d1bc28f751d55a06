import { describe, expect, it } from 'vitest';
import { makeColourMap } from '../kit/colour.ts';
import { contourPaths, gridAxes, sampleAt } from './render.ts';
import { makeView, selectionAt } from './view.ts';

/** A 5 × 3 grid with value m + log σ, so bilinear sampling is exact. */
function testGrid() {
  const m = Float64Array.from([-2, -1, 0, 1, 2]);
  const sigma = Float64Array.from([0.1, 1, 10]);
  const v = new Float64Array(15);
  for (let j = 0; j < 3; j++) for (let i = 0; i < 5; i++) v[j * 5 + i] = m[i] + Math.log(sigma[j]);
  return { m, sigma, expected: v, biconjugate: v, gap: v, warnings: [] };
}

describe('sampleAt', () => {
  const grid = testGrid();
  const axes = gridAxes(grid);
  it('interpolates in m and log σ', () => {
    expect(sampleAt(axes, grid.expected, 0.5, Math.sqrt(10))).toBeCloseTo(0.5 + Math.log(Math.sqrt(10)), 12);
    expect(sampleAt(axes, grid.expected, -2, 0.1)).toBeCloseTo(-2 + Math.log(0.1), 12);
  });
  it('is undefined outside the grid (beyond half a cell)', () => {
    expect(sampleAt(axes, grid.expected, 2.6, 1)).toBeUndefined();
    expect(sampleAt(axes, grid.expected, 0, 100)).toBeUndefined();
  });
  it('falls back to the nearest cell next to non-finite values', () => {
    const v = Float64Array.from(grid.expected);
    v[1 * 5 + 2] = Infinity;
    expect(sampleAt(axes, v, 0.1, 1)).toBe(Infinity);
    expect(sampleAt(axes, v, 0.9, 1)).toBeCloseTo(1, 12);
  });
});

describe('views', () => {
  const domain = { mFrom: -2, mTo: 2, sigmaFrom: 0.1, sigmaTo: 10 };
  it('round-trips (m, σ) through the screen in both coordinate systems', () => {
    for (const coords of ['msigma', 'mean'] as const) {
      const view = makeView(coords, 400, 200, domain);
      const [x, y] = view.toScreen(0.7, 1.3);
      const p = view.fromScreen(x, y);
      expect(p.feasible).toBe(true);
      expect(p.m).toBeCloseTo(0.7, 9);
      expect(p.sigma).toBeCloseTo(1.3, 9);
    }
  });
  it('marks points below the parabola infeasible and clamps selections', () => {
    const view = makeView('mean', 400, 200, domain);
    const p = view.fromScreen(view.x(1.5), view.y(1));
    expect(p.feasible).toBe(false);
    expect(selectionAt(view, view.x(1.5), view.y(1))).toEqual({ m: 1.5, sigma: 0.1 });
    expect(selectionAt(makeView('msigma', 400, 200, domain), -50, -50)).toEqual({ m: -2, sigma: 10 });
  });
});

describe('colour map and contours', () => {
  it('treats an all-zero gap as constant instead of dividing by zero', () => {
    const cmap = makeColourMap(new Float64Array(10), 'gap');
    expect(cmap.constant).toBe(true);
    expect(cmap.t(0)).toBe(0);
  });
  it('ignores non-finite values for the range and draws contours in screen space', () => {
    const grid = testGrid();
    const values = Float64Array.from(grid.expected);
    values[0] = Infinity;
    values[1] = Number.NaN;
    const cmap = makeColourMap(values, 'expected');
    expect(Number.isFinite(cmap.lo) && Number.isFinite(cmap.hi)).toBe(true);
    const paths = contourPaths(gridAxes(grid), values, [0], makeView('msigma', 400, 200, { mFrom: -2, mTo: 2, sigmaFrom: 0.1, sigmaTo: 10 }));
    expect(paths).toHaveLength(1);
    expect(paths[0].d).toMatch(/^M[\d.-]+,[\d.-]+L/);
  });
});
