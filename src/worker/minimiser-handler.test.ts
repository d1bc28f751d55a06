import { describe, expect, it } from 'vitest';
import { findPreset } from '../math/presets.ts';
import { handleMinimiserRequest, startMinimiserJob, stepMinimiserJob } from './minimiser-handler.ts';
import { parseMinimiserProgress, parseMinimiserResponse } from './minimiser-protocol.ts';

const base = { id: 3, kind: 'minimiser-path', expression: findPreset('sharp-flat')!.expression, from: -3, to: 3, points: 200, axis: 'sigma' as 'sigma' | 'rho', sigma: 0.5, rho: 0.3, sweepFrom: 0.05, sweepTo: 2, sweepPoints: 12 };

describe('minimiser-path handler', () => {
  it('answers a valid request with a path that passes the response validation', () => {
    const res = handleMinimiserRequest(base);
    expect(res.kind).toBe('result');
    expect(parseMinimiserResponse(res)).not.toBeNull();
    if (res.kind !== 'result') return;
    expect(res.id).toBe(3);
    expect(res.path.axis).toBe('sigma');
    expect(res.path.values).toHaveLength(12);
    expect(res.path.expected[0]).toBeLessThan(-1);
    expect(res.path.expected[11]).toBeGreaterThan(0);
  });

  it('answers a ρ sweep with S’s minimiser against ρ, jumping to the flat well, and E, R, B held at the given σ', () => {
    const res = handleMinimiserRequest({ ...base, axis: 'rho', sweepFrom: 0.01, sweepTo: 1, sweepPoints: 20 });
    expect(parseMinimiserResponse(res)).not.toBeNull();
    if (res.kind !== 'result') throw new Error(res.message);
    expect(res.path.axis).toBe('rho');
    expect(res.path.values[0]).toBeCloseTo(0.01, 12);
    expect(res.path.values[19]).toBeCloseTo(1, 12);
    // Sharp well at the smallest ρ, flat one at the largest (presets.ts: the jump is between ρ = 0.1 and 0.2).
    expect(res.path.sam[0]).toBeCloseTo(-1.5, 1);
    expect(res.path.sam[19]).toBeGreaterThan(1);
    // The same E as the σ path's at σ = 0.5: held, one value.
    const sigmaPath = handleMinimiserRequest({ ...base, sweepFrom: 0.5, sweepTo: 0.6, sweepPoints: 2 });
    if (sigmaPath.kind !== 'result') throw new Error(sigmaPath.message);
    expect(new Set(res.path.expected)).toEqual(new Set([sigmaPath.path.expected[0]]));
  });

  it('steps one value at a time', () => {
    const running = startMinimiserJob({ ...base, kind: 'minimiser-path' });
    if (!('job' in running)) throw new Error(running.message);
    let steps = 1;
    while (!stepMinimiserJob(running)) steps++;
    expect(steps).toBe(12);
  });

  it('answers bad input with an error, never a throw', () => {
    expect(handleMinimiserRequest({ ...base, expression: 'theta +' }).kind).toBe('error');
    expect(handleMinimiserRequest({ ...base, to: -5 })).toMatchObject({ id: 3, kind: 'error' });
    expect(handleMinimiserRequest({ ...base, axis: 'tau' })).toMatchObject({ id: 3, kind: 'error' });
    expect(handleMinimiserRequest({ ...base, sigma: 0 })).toMatchObject({ id: 3, kind: 'error' });
    expect(handleMinimiserRequest(null)).toMatchObject({ id: null, kind: 'error' });
  });

  it('tells progress from final answers', () => {
    const progress = { id: 1, kind: 'progress', done: 2, total: 5 };
    expect(parseMinimiserProgress(progress)).toEqual(progress);
    expect(parseMinimiserResponse(progress)).toBeNull();
  });
});
