import { describe, expect, it } from 'vitest';
import type { Landscape1D, PointGeometry } from '../../math/landscape1d.types.ts';
import { landscapeNotices } from './notices.ts';

function fake(relaxed: number[], warnings: string[] = []): Landscape1D {
  const n = relaxed.length;
  const ones = () => new Float64Array(n).fill(1);
  return {
    theta: Float64Array.from(relaxed, (_, i) => i),
    loss: ones(),
    expected: ones(),
    sam: ones(),
    relaxed: Float64Array.from(relaxed),
    eps: ones(),
    rhoEq: ones(),
    biconjugate: ones(),
    argmin: { loss: 0, expected: 0, sam: 0, relaxed: null, biconjugate: 0 },
    warnings,
  };
}
const all = { loss: true, expected: true, sam: true, relaxed: true, biconjugate: true };
const geometry = (warnings: string[]) => ({ m: 0.5, warnings }) as unknown as PointGeometry;

describe('landscapeNotices', () => {
  it('is empty when everything is finite', () => {
    expect(landscapeNotices(fake([1, 2, 3]), all)).toEqual([]);
  });
  it('counts infinite and uncomputable points that no maths warning explains', () => {
    const notes = landscapeNotices(fake([Infinity, NaN, 3]), all);
    expect(notes).toEqual([
      'relaxed is infinite at 1 of 3 grid points; the curve is not drawn there.',
      'relaxed could not be computed at 1 of 3 grid points; the curve is not drawn there.',
    ]);
    expect(landscapeNotices(fake([Infinity, Infinity]), all)).toEqual(['relaxed is infinite at every m; the curve is not drawn there.']);
  });
  it('lets the maths warning speak for its objective', () => {
    const w = 'relaxed is +∞ at 2 points: the loss grows too fast';
    expect(landscapeNotices(fake([Infinity, Infinity, 3], [w]), all)).toEqual([w]);
  });
  it('adds geometry warnings only for objectives not already covered', () => {
    const w = 'relaxed is +∞ at 2 points: the loss grows too fast';
    const g = geometry(['relaxed is +∞ here', 'biconjugate hit the domain edge']);
    expect(landscapeNotices(fake([Infinity, Infinity, 3], [w]), all, g)).toEqual([w, 'At m = 0.5: biconjugate hit the domain edge']);
  });
  it('uses the counts sent by the worker instead of walking the curves', () => {
    const zero = { inf: 0, nan: 0 };
    const counts = { loss: zero, expected: zero, sam: zero, relaxed: { inf: 2, nan: 0 }, biconjugate: zero };
    expect(landscapeNotices(fake([1, 2, 3]), all, null, counts)).toEqual(['relaxed is infinite at 2 of 3 grid points; the curve is not drawn there.']);
  });
  it('counts against the full grid when the landscape is thinned', () => {
    const zero = { inf: 0, nan: 0 };
    const counts = { loss: zero, expected: zero, sam: zero, relaxed: { inf: 2000, nan: 0 }, biconjugate: zero };
    expect(landscapeNotices(fake([1, 2, 3]), all, null, counts, 1_000_000)).toEqual(['relaxed is infinite at 2000 of 1000000 grid points; the curve is not drawn there.']);
  });
  it('ignores hidden curves', () => {
    expect(landscapeNotices(fake([Infinity]), { ...all, relaxed: false })).toEqual([]);
  });
});
