import { describe, expect, it } from 'vitest';
import { findPreset } from '../math/presets.ts';
import { handleMinimiserRequest, startMinimiserJob, stepMinimiserJob } from './minimiser-handler.ts';
import { parseMinimiserProgress, parseMinimiserResponse } from './minimiser-protocol.ts';

const base = { id: 3, kind: 'minimiser-path', expression: findPreset('sharp-flat')!.expression, from: -3, to: 3, points: 200, rho: 0.3, sigmaFrom: 0.05, sigmaTo: 2, sigmaPoints: 12 };

describe('minimiser-path handler', () => {
  it('answers a valid request with a path that passes the response validation', () => {
    const res = handleMinimiserRequest(base);
    expect(res.kind).toBe('result');
    expect(parseMinimiserResponse(res)).not.toBeNull();
    if (res.kind !== 'result') return;
    expect(res.id).toBe(3);
    expect(res.path.sigma).toHaveLength(12);
    expect(res.path.expected[0]).toBeLessThan(-1);
    expect(res.path.expected[11]).toBeGreaterThan(0);
  });

  it('steps one σ at a time', () => {
    const running = startMinimiserJob({ ...base, kind: 'minimiser-path' });
    if (!('job' in running)) throw new Error(running.message);
    let steps = 1;
    while (!stepMinimiserJob(running)) steps++;
    expect(steps).toBe(12);
  });

  it('answers bad input with an error, never a throw', () => {
    expect(handleMinimiserRequest({ ...base, expression: 'theta +' }).kind).toBe('error');
    expect(handleMinimiserRequest({ ...base, to: -5 })).toMatchObject({ id: 3, kind: 'error' });
    expect(handleMinimiserRequest(null)).toMatchObject({ id: null, kind: 'error' });
  });

  it('tells progress from final answers', () => {
    const progress = { id: 1, kind: 'progress', done: 2, total: 5 };
    expect(parseMinimiserProgress(progress)).toEqual(progress);
    expect(parseMinimiserResponse(progress)).toBeNull();
  });
});
