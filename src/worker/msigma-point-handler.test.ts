import { describe, expect, it } from 'vitest';
import { computeLandscape1D } from '../math/landscape1d.ts';
import { compileExpression } from '../math/expression.ts';
import { findPreset } from '../math/presets.ts';
import { handlePointRequest } from './msigma-point-handler.ts';

const expression = findPreset('bounded-double-well')!.expression;

describe('the (m, σ) point worker', () => {
  it('answers B − E at the point, equal to the 1-D curves there (no interpolation from the map)', () => {
    const res = handlePointRequest({ id: 3, kind: 'msigma-point', expression, m: 0, sigma: 1.5, span: 5 });
    expect(res.kind).toBe('result');
    if (res.kind !== 'result') return;
    expect(res.id).toBe(3);
    const compiled = compileExpression(expression, ['theta']);
    if (!compiled.ok) throw new Error('compile');
    const curves = computeLandscape1D({ loss: compiled.fn1, from: -2.5, to: 2.5, points: 601, sigma: 1.5, rho: 0 });
    // Both on grids of about the same density (the working grids differ by their alignment): to 1e-5.
    expect(Math.abs(res.point.gap - (curves.biconjugate[300] - curves.expected[300]))).toBeLessThan(1e-5);
    expect(res.point.gap).toBeCloseTo(0.34, 2);
    expect(res.point.warnings).toEqual([]);
  });

  it('is exact at a tiny σ, where a map from σ = 1e-300 interpolated 0.2447: B − E → 0', () => {
    const res = handlePointRequest({ id: 1, kind: 'msigma-point', expression, m: 1, sigma: 1e-6, span: 5 });
    expect(res.kind === 'result' && Math.abs(res.point.gap)).toBeLessThan(1e-6);
  });

  it('answers a malformed request or a bad loss with an error, never a throw', () => {
    expect(handlePointRequest({ id: 2, kind: 'msigma-point', expression, m: 0, sigma: -1, span: 5 }).kind).toBe('error');
    expect(handlePointRequest({ id: 2, kind: 'msigma-point', expression: 'theta +', m: 0, sigma: 1, span: 5 }).kind).toBe('error');
    expect(handlePointRequest('nonsense').kind).toBe('error');
  });
});
