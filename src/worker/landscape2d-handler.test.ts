import { describe, expect, it } from 'vitest';
import { handleMaps2DRequest } from './landscape2d-handler.ts';
import { maps2DTransferables, parseMaps2DResponse } from './landscape2d-protocol.ts';

const base = { id: 4, kind: 'maps2d', expression: '0.5*(x^2 + y^2)', xFrom: -1, xTo: 1, yFrom: -1, yTo: 1, points: 9, sigma: 0.3, rho: 0.2 } as const;

describe('handleMaps2DRequest', () => {
  it('computes the four maps and they survive structured cloning with transferred buffers', () => {
    const res = handleMaps2DRequest(base);
    if (res.kind !== 'result') throw new Error(res.message);
    expect(res.id).toBe(4);
    expect(res.maps.expected).toHaveLength(81);
    expect(res.maps.expected[40]).toBeCloseTo(0.09, 8); // E(0) = σ²·tr(A)/2 = 0.09
    const back = parseMaps2DResponse(structuredClone(res, { transfer: maps2DTransferables(res.maps) }));
    expect(back?.kind).toBe('result');
    expect(res.maps.loss.length).toBe(0); // transferred
  });

  it('reports an invalid expression with its column', () => {
    const res = handleMaps2DRequest({ ...base, expression: 'x +* y' });
    expect(res).toMatchObject({ id: 4, kind: 'error' });
    if (res.kind === 'error') expect(res.message).toMatch(/^Invalid loss expression: .*column 4/);
  });

  it.each([
    ['null', null],
    ['a wrong kind', { ...base, kind: 'msigma' }],
    ['a reversed range', { ...base, xFrom: 2 }],
    ['too many points', { ...base, points: 5000 }],
    ['a negative ρ', { ...base, rho: -1 }],
    ['an extra field', { ...base, loss: 'x' }],
  ])('answers %s with a malformed-request error', (_label, message) => {
    const res = handleMaps2DRequest(message);
    expect(res.kind).toBe('error');
    if (res.kind === 'error') expect(res.message).toMatch(/^Malformed request/);
  });

  it('rejects responses whose grids do not match the axes', () => {
    const a = new Float64Array(3);
    expect(parseMaps2DResponse({ id: 1, kind: 'result', elapsedMs: 1, maps: { x: a, y: a, loss: a, expected: a, sam: a, relaxed: a, warnings: [] } })).toBeNull();
  });
});
