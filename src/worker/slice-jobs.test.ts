import { describe, expect, it } from 'vitest';
import { seededNormal } from '../math/random.ts';
import type { SliceSettings } from '../train/slice/compute-slice.ts';
import { parameterCount, type NetworkSnapshot } from '../train/slice/snapshot.ts';
import { SliceJobs } from './slice-jobs.ts';
import { parseSliceRequest, resultTransferables, type SliceResponse } from './slice-protocol.ts';

function snapshot(): NetworkSnapshot {
  const sizes = [2, 6, 1];
  const draw = seededNormal(2);
  return {
    sizes,
    activation: 'tanh',
    classes: 2,
    weights: Float32Array.from({ length: parameterCount(sizes) }, () => draw()),
    posteriorStd: Float32Array.from({ length: parameterCount(sizes) }, () => 0.1),
    inputs: Float32Array.from({ length: 40 }, () => draw()),
    labels: Int32Array.from({ length: 20 }, (_, i) => i % 2),
    step: 3,
  };
}

const settings: SliceSettings = { dims: 2, axis: 'random', points: 12, span: 1, samples: 2, rho: 0.05, seed: 0 };

/** A host whose clock moves 30 ms per reading, so every job spans several chunks; tasks run when drained. */
function fakeHost() {
  const posted: SliceResponse[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  return {
    posted,
    tasks,
    host: { post: (r: SliceResponse) => posted.push(r), schedule: (t: () => void) => tasks.push(t), now: () => (clock += 30) },
    drain(limit = 1000) {
      for (let i = 0; i < limit && tasks.length; i++) (tasks.shift() as () => void)();
    },
  };
}

describe('SliceJobs', () => {
  it('reports rising progress, then the result, over several chunks', () => {
    const h = fakeHost();
    const jobs = new SliceJobs(h.host);
    jobs.handle({ type: 'compute', id: 1, snapshot: snapshot(), settings });
    expect(h.tasks.length).toBe(1);
    h.drain();
    const progress = h.posted.filter((r) => r.type === 'progress').map((r) => (r as { fraction: number }).fraction);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const last = h.posted[h.posted.length - 1];
    expect(last.type).toBe('result');
    if (last.type === 'result') expect(last.result.loss.length).toBe(144);
  });

  it('stops a cancelled job between rows and never sends its result', () => {
    const h = fakeHost();
    const jobs = new SliceJobs(h.host);
    jobs.handle({ type: 'compute', id: 7, snapshot: snapshot(), settings });
    h.drain(1);
    jobs.handle({ type: 'cancel', id: 7 });
    h.drain();
    expect(h.posted.some((r) => r.type === 'cancelled' && r.id === 7)).toBe(true);
    expect(h.posted.some((r) => r.type === 'result')).toBe(false);
  });

  it('a newer compute supersedes the running one, with one queued task at a time', () => {
    const h = fakeHost();
    const jobs = new SliceJobs(h.host);
    jobs.handle({ type: 'compute', id: 1, snapshot: snapshot(), settings });
    jobs.handle({ type: 'compute', id: 2, snapshot: snapshot(), settings: { ...settings, dims: 1 } });
    expect(h.tasks.length).toBe(1);
    h.drain();
    expect(h.posted.filter((r) => r.type === 'result').map((r) => r.id)).toEqual([2]);
    expect(h.posted.some((r) => r.type === 'cancelled' && r.id === 1)).toBe(true);
  });

  it('answers an impossible slice and a malformed message with a clear error', () => {
    const h = fakeHost();
    new SliceJobs(h.host).handle({ type: 'compute', id: 4, snapshot: { ...snapshot(), posteriorStd: null }, settings: { ...settings, axis: 'variance' } });
    expect(h.posted).toEqual([{ type: 'error', id: 4, message: expect.stringMatching(/bSAM/) }]);
    const bad = parseSliceRequest({ type: 'compute', id: 1, snapshot: { ...snapshot(), weights: [1, 2] }, settings });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/weights/);
  });

  it('computes only the requested range of cells', () => {
    const h = fakeHost();
    new SliceJobs(h.host).receive({ type: 'compute', id: 5, snapshot: snapshot(), settings, range: { from: 72, to: 144 } });
    h.drain();
    const last = h.posted[h.posted.length - 1];
    expect(last.type).toBe('result');
    if (last.type === 'result') {
      expect(last.result.range).toEqual({ from: 72, to: 144 });
      expect(last.result.loss.length).toBe(72);
      expect(last.result.expected?.length).toBe(72);
      expect(new Set(resultTransferables(last.result)).size).toBe(4);
    }
  });

  it('answers a bad range with an error naming it, with the request id', () => {
    const bad = [
      [{ from: 1.5, to: 3 }, /range\.from/],
      [{ from: -1, to: 3 }, /range\.from/],
      [{ from: 3, to: 3 }, /from < to/],
      [{ from: 100, to: 145 }, /cell range \[100, 145\).*144 cells/],
    ] as const;
    for (const [range, message] of bad) {
      const h = fakeHost();
      new SliceJobs(h.host).receive({ type: 'compute', id: 9, snapshot: snapshot(), settings, range });
      expect(h.posted).toEqual([{ type: 'error', id: 9, message: expect.stringMatching(message) }]);
      expect(h.tasks.length).toBe(0);
    }
  });
});
