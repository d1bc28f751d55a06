import { describe, expect, it } from 'vitest';
import { handleLandscapeRequest } from './landscape-handler.ts';
import { gridTransferables, parseLandscapeResponse } from './landscape-protocol.ts';

const base = {
  id: 7,
  kind: 'msigma',
  expression: '0.5*theta^2',
  mFrom: -2,
  mTo: 2,
  mPoints: 21,
  sigmaFrom: 0.1,
  sigmaTo: 1,
  sigmaPoints: 5,
} as const;

describe('handleLandscapeRequest', () => {
  it('computes the (m, σ) grid of a valid request', () => {
    const res = handleLandscapeRequest(base);
    expect(res.kind).toBe('result');
    if (res.kind !== 'result') return;
    expect(res.id).toBe(7);
    const { grid } = res;
    expect(grid.m.length).toBe(21);
    expect(grid.sigma.length).toBe(5);
    expect(grid.expected.length).toBe(21 * 5);
    expect(grid.m[0]).toBeCloseTo(-2, 12);
    expect(grid.m[20]).toBeCloseTo(2, 12);
    // σ is log-spaced from sigmaFrom to sigmaTo.
    expect(grid.sigma[0]).toBeCloseTo(0.1, 12);
    expect(grid.sigma[4]).toBeCloseTo(1, 12);
    expect(grid.sigma[2]).toBeCloseTo(Math.sqrt(0.1), 10);
    // Quadratic loss: E = B = (m² + σ²)/2 (theory.md §2 fact 3). The grid algorithm itself is
    // tested in src/math; here B is only checked where it was computed (it may flag cells NaN).
    for (let j = 0; j < 5; j++)
      for (let i = 0; i < 21; i++) {
        const k = j * 21 + i;
        const exact = (grid.m[i] ** 2 + grid.sigma[j] ** 2) / 2;
        expect(grid.expected[k]).toBeCloseTo(exact, 4);
        if (Number.isFinite(grid.biconjugate[k])) {
          expect(grid.biconjugate[k]).toBeCloseTo(exact, 4);
          expect(Math.abs(grid.gap[k])).toBeLessThan(1e-4);
        }
      }
    expect(res.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('returns a result that survives structured cloning with its buffers transferred', () => {
    const res = handleLandscapeRequest(base);
    if (res.kind !== 'result') throw new Error('expected a result');
    const cloned: unknown = structuredClone(res, { transfer: gridTransferables(res.grid) });
    const back = parseLandscapeResponse(cloned);
    expect(back?.kind).toBe('result');
    // Transferred: the sender's arrays are detached.
    expect(res.grid.expected.length).toBe(0);
  });

  it('reports an invalid expression as an error response with the request id', () => {
    const res = handleLandscapeRequest({ ...base, id: 3, expression: 'theta +* (' });
    expect(res.kind).toBe('error');
    expect(res.id).toBe(3);
    if (res.kind === 'error') expect(res.message).toMatch(/invalid loss expression/i);
  });

  it.each([
    ['null', null],
    ['a string', 'msigma'],
    ['an empty object', {}],
    ['a wrong kind', { ...base, kind: 'landscape1d' }],
    ['a missing field', { ...base, sigmaPoints: undefined }],
    ['a non-integer size', { ...base, mPoints: 2.5 }],
    ['NaN bounds', { ...base, mFrom: Number.NaN }],
    ['an empty domain', { ...base, mFrom: 1, mTo: 1 }],
    ['a reversed σ range', { ...base, sigmaFrom: 2, sigmaTo: 1 }],
    ['a non-positive σ', { ...base, sigmaFrom: 0 }],
    ['a huge grid', { ...base, mPoints: 4000, sigmaPoints: 4000 }],
    ['an extra field', { ...base, loss: () => 0 }],
    ['a loss function instead of text', { ...base, expression: (t: number) => t }],
  ])('answers %s with an error response, never a throw', (_label, message) => {
    const res = handleLandscapeRequest(message);
    expect(res.kind).toBe('error');
    if (res.kind === 'error') expect(res.message).toMatch(/^Malformed request/);
  });

  it('echoes a usable id of a malformed message and null otherwise', () => {
    expect(handleLandscapeRequest({ ...base, id: 11, mPoints: -1 }).id).toBe(11);
    expect(handleLandscapeRequest({ ...base, id: 'x' }).id).toBeNull();
    expect(handleLandscapeRequest(undefined).id).toBeNull();
  });
});

describe('parseLandscapeResponse', () => {
  it('rejects non-responses and grids whose sizes disagree', () => {
    expect(parseLandscapeResponse(null)).toBeNull();
    expect(parseLandscapeResponse({ id: 1, kind: 'progress' })).toBeNull();
    const bad = {
      id: 1,
      kind: 'result',
      elapsedMs: 1,
      grid: { m: new Float64Array(3), sigma: new Float64Array(2), expected: new Float64Array(5), biconjugate: new Float64Array(6), gap: new Float64Array(6), warnings: [] },
    };
    expect(parseLandscapeResponse(bad)).toBeNull();
    expect(parseLandscapeResponse({ id: null, kind: 'error', message: 'x' })).toEqual({ id: null, kind: 'error', message: 'x' });
  });
});
