import { describe, expect, it } from 'vitest';
import type { Landscape1D } from '../math/landscape1d.types.ts';
import { OBJECTIVES } from '../math/objectives.ts';
import { envelopeIndices, nonFiniteCounts, thinLandscape } from './landscape1d-display.ts';

describe('envelopeIndices', () => {
  it('keeps a short curve whole', () => {
    expect([...envelopeIndices(new Float64Array([1, 2, 3]), 4)]).toEqual([0, 1, 2]);
  });

  it('keeps each bin\'s extremes and both sides of every break, in order', () => {
    const n = 100_000;
    const v = Float64Array.from({ length: n }, (_, i) => (i >= 40_000 && i < 40_010 ? NaN : Math.sin(i / 50)));
    const keep = envelopeIndices(v, 100);
    expect(keep.length).toBeLessThanOrEqual(4 * 100 + 4);
    for (let k = 1; k < keep.length; k++) expect(keep[k]).toBeGreaterThan(keep[k - 1]);
    expect([...keep]).toContain(39_999);
    expect([...keep]).toContain(40_000);
    expect([...keep]).toContain(40_009);
    expect([...keep]).toContain(40_010);
    // Every bin of 1000 points keeps its max and min.
    for (let b = 0; b < 100; b++) {
      const slice = Array.from(v.subarray(b * 1000, (b + 1) * 1000)).filter(Number.isFinite);
      const kept = [...keep].filter((i) => i >= b * 1000 && i < (b + 1) * 1000).map((i) => v[i]).filter(Number.isFinite);
      expect(Math.max(...kept)).toBe(Math.max(...slice));
      expect(Math.min(...kept)).toBe(Math.min(...slice));
    }
  });
});

describe('nonFiniteCounts', () => {
  it('counts ±∞ and NaN per curve', () => {
    const f = (a: number[]) => Float64Array.from(a);
    const l = {
      theta: f([0, 1, 2]),
      loss: f([1, 2, 3]),
      expected: f([Infinity, -Infinity, NaN]),
      sam: f([NaN, NaN, 1]),
      relaxed: f([Infinity, 1, 1]),
      biconjugate: f([1, 1, 1]),
    } as unknown as Landscape1D;
    expect(nonFiniteCounts(l)).toEqual({
      loss: { inf: 0, nan: 0 },
      expected: { inf: 2, nan: 1 },
      sam: { inf: 0, nan: 2 },
      relaxed: { inf: 1, nan: 0 },
      biconjugate: { inf: 0, nan: 0 },
    });
  });
});

describe('thinLandscape', () => {
  const n = 50_000;
  const theta = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  const curve = (f: (t: number) => number) => Float64Array.from(theta, f);
  const landscape: Landscape1D = {
    theta,
    loss: curve((t) => Math.sin(40 * t)),
    expected: curve((t) => (Math.abs(t) < 0.1 ? NaN : t * t)),
    sam: curve((t) => Math.cos(7 * t)),
    relaxed: curve((t) => (t > 0.5 ? Infinity : t)),
    eps: curve((t) => t / 10),
    rhoEq: curve((t) => Math.abs(t / 10)),
    biconjugate: curve((t) => t * t),
    argmin: { loss: -0.04, expected: 0.1, sam: -0.45, relaxed: -1, biconjugate: 0 },
    warnings: ['a warning'],
  };

  it('a landscape up to the limit goes whole, with each curve\'s envelope', () => {
    const r = thinLandscape(landscape, 100, n);
    expect(r.landscape).toBe(landscape);
    expect(r.points).toBe(n);
    expect([...r.display.loss]).toEqual([...envelopeIndices(landscape.loss, 100)]);
  });

  it('beyond it: true grid points only, increasing, the same envelope per curve, argmin and warnings of the full grid', () => {
    const r = thinLandscape(landscape, 100, 1000);
    const t = r.landscape;
    expect(r.points).toBe(n);
    expect(t.theta.length).toBeLessThan(5 * 4 * 104);
    for (let k = 1; k < t.theta.length; k++) expect(t.theta[k]).toBeGreaterThan(t.theta[k - 1]);
    // Each kept point carries the values of its grid point, in every array.
    for (let k = 0; k < t.theta.length; k += 17) {
      const i = Math.round(((t.theta[k] + 1) / 2) * (n - 1));
      expect(t.theta[k]).toBe(theta[i]);
      for (const a of ['loss', 'expected', 'sam', 'relaxed', 'eps', 'rhoEq', 'biconjugate'] as const) expect(Object.is(t[a][k], landscape[a][i])).toBe(true);
    }
    // The display indices pick, in the thinned arrays, exactly the points the full envelope picks.
    for (const name of OBJECTIVES) {
      const full = [...envelopeIndices(landscape[name], 100)].map((i) => theta[i]);
      expect([...r.display[name]].map((k) => t.theta[k])).toEqual(full);
    }
    expect(t.argmin).toEqual(landscape.argmin);
    expect(t.warnings).toEqual(['a warning']);
  });
});
