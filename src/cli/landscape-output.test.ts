import { describe, expect, it } from 'vitest';
import type { Landscape1D } from '../math/landscape1d.types.ts';
import { landscapeCsv, landscapeJson, nonFiniteWarnings } from './landscape-output.ts';

function fake(): Landscape1D {
  const f = (...v: number[]) => Float64Array.from(v);
  return {
    theta: f(-1, 0, 1),
    loss: f(1, 0, 1),
    expected: f(1.5, NaN, 1.5),
    sam: f(2, 0.5, 2),
    relaxed: f(Infinity, Infinity, Infinity),
    eps: f(NaN, NaN, NaN),
    rhoEq: f(NaN, NaN, NaN),
    biconjugate: f(-Infinity, 1, 2),
    argmin: { loss: 0, expected: -1, sam: 0, relaxed: null, biconjugate: NaN },
    warnings: ['relaxed is +∞ everywhere'],
  };
}
const params = { loss: 'x', from: -1, to: 1, points: 3, sigma: 0.5, rho: 0.3 };

describe('landscape output', () => {
  it('JSON: non-finite values are null, argmin null where not finite, warnings explain', () => {
    const out = JSON.parse(landscapeJson(fake(), params));
    expect(out.params).toEqual(params);
    expect(out.theta).toEqual([-1, 0, 1]);
    expect(out.expected).toEqual([1.5, null, 1.5]);
    expect(out.relaxed).toEqual([null, null, null]);
    expect(out.rho_eq).toEqual([null, null, null]);
    expect(out.biconjugate).toEqual([null, 1, 2]);
    expect(out.argmin).toEqual({ loss: 0, expected: -1, sam: 0, relaxed: null, biconjugate: null });
    expect(out.warnings).toEqual([
      'relaxed is +∞ everywhere',
      'expected: 1 of 3 values are not computable (NaN, written as null)',
      'relaxed: 3 of 3 values are infinite (+Infinity, written as null)',
      'eps: 3 of 3 values are not computable (NaN, written as null)',
      'biconjugate: 1 of 3 values are minus infinite (-Infinity, written as null)',
      'rho_eq: 3 of 3 values are not computable (NaN, written as null)',
    ]);
  });

  it('CSV: header, empty cells for non-finite values', () => {
    const { csv, warnings } = landscapeCsv(fake());
    expect(csv.split('\n')).toEqual([
      'theta,loss,expected,sam,relaxed,eps,biconjugate,rho_eq',
      '-1,1,1.5,2,,,,',
      '0,0,,0.5,,,1,',
      '1,1,1.5,2,,,2,',
      '',
    ]);
    expect(warnings[1]).toBe('expected: 1 of 3 values are not computable (NaN, written as empty cells)');
  });

  it('no warnings when everything is finite', () => {
    const r = fake();
    for (const k of ['expected', 'relaxed', 'eps', 'rhoEq', 'biconjugate'] as const) r[k] = Float64Array.from([1, 2, 3]);
    expect(nonFiniteWarnings(r, 'x')).toEqual([]);
  });
});
