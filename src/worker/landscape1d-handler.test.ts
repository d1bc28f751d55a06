import { describe, expect, it } from 'vitest';
import { handleLandscape1DRequest } from './landscape1d-handler.ts';
import type { ProgressMessage } from './landscape1d-protocol.ts';
import { parseLandscape1DResponse } from './landscape1d-protocol.ts';

describe('1-D landscape worker handler', () => {
  it('curves: a valid result with display indices, progress through the stages, and it passes response validation', () => {
    const progress: ProgressMessage[] = [];
    const r = handleLandscape1DRequest({ id: 3, kind: 'curves', expression: '0.5*theta^2', from: -1, to: 1, points: 21, sigma: 0.3, rho: 0.1 }, (p) => progress.push(p));
    expect(r.kind).toBe('curves');
    if (r.kind !== 'curves') return;
    expect(r.landscape.expected[10]).toBeCloseTo(0.045, 9);
    expect([...r.display.loss]).toHaveLength(21);
    expect(r.counts.expected).toEqual({ inf: 0, nan: 0 });
    expect(progress.map((p) => p.stage)).toEqual(['loss', 'expected', 'sam', 'relaxed', 'biconjugate']);
    expect(parseLandscape1DResponse(r)).not.toBeNull();
  });

  it('geometry at m, and errors for bad expressions and malformed requests', () => {
    const g = handleLandscape1DRequest({ id: 1, kind: 'geometry', expression: 'theta^2', m: 0.5, sigma: 0.2, rho: 0.1 });
    expect(g.kind).toBe('geometry');
    expect(handleLandscape1DRequest({ id: 2, kind: 'curves', expression: 'theta +* 2', from: 0, to: 1, points: 5, sigma: 1, rho: 0 }).kind).toBe('error');
    expect(handleLandscape1DRequest({ id: 4, kind: 'curves', expression: 'theta', from: 1, to: 0, points: 5, sigma: 1, rho: 0 }).kind).toBe('error');
    expect(handleLandscape1DRequest({ id: 5, kind: 'curves', expression: 'theta', from: 0, to: 1, points: 2_000_000, sigma: 1, rho: 0 }).kind).toBe('error');
  });

  it('1e308·θ²: the answer passes validation (a NaN argmin from overflowing differences once failed it, and the panel hung)', () => {
    const r = handleLandscape1DRequest({ id: 6, kind: 'curves', expression: '1e308*theta^2', from: -3, to: 3, points: 600, sigma: 0.5, rho: 0.3 });
    expect(r.kind).toBe('curves');
    if (r.kind !== 'curves') return;
    for (const v of Object.values(r.landscape.argmin)) expect(v === null || Number.isFinite(v)).toBe(true);
    expect(r.counts.loss.inf).toBeLessThan(600);
    expect(parseLandscape1DResponse(r)).not.toBeNull();
  });
});
