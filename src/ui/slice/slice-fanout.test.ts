import { describe, expect, it } from 'vitest';
import { computeSliceNow, type SliceSettings } from '../../train/slice/compute-slice.ts';
import { testSnapshot } from '../../train/slice/test-snapshot.ts';
import { SliceJobs } from '../../worker/slice-jobs.ts';
import type { SliceRequest, SliceResponse } from '../../worker/slice-protocol.ts';
import { SliceFanout, type SliceStatus } from './slice-fanout.ts';
import type { WorkerLike } from '../kit/worker-client.ts';

const settings: SliceSettings = { dims: 2, axis: 'random', points: 8, span: 1, samples: 2, rho: 0.05, seed: 1 };

/** One event loop for the page and its fake workers: messages and worker tasks run in FIFO order. */
class Loop {
  private readonly queue: (() => void)[] = [];
  push(task: () => void): void {
    this.queue.push(task);
  }
  run(limit = 10_000): void {
    for (let i = 0; i < limit && this.queue.length; i++) (this.queue.shift() as () => void)();
  }
}

/** A slice worker running the real SliceJobs; its clock moves 30 ms a reading, so a part spans several chunks. */
class FakeWorker implements WorkerLike<SliceRequest, SliceResponse> {
  onmessage: ((event: MessageEvent<SliceResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: SliceRequest[] = [];
  terminated = false;
  private clock = 0;
  private readonly jobs: SliceJobs;

  constructor(private readonly loop: Loop) {
    this.jobs = new SliceJobs({
      post: (r) => loop.push(() => this.onmessage?.({ data: r } as MessageEvent<SliceResponse>)),
      schedule: (task) => loop.push(task),
      now: () => (this.clock += 30),
    });
  }
  postMessage(request: SliceRequest): void {
    this.received.push(request);
    this.loop.push(() => this.jobs.receive(request));
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function setup(count = 2) {
  const loop = new Loop();
  const workers: FakeWorker[] = [];
  const statuses: SliceStatus[] = [];
  const fanout = new SliceFanout(
    () => {
      const w = new FakeWorker(loop);
      workers.push(w);
      return w;
    },
    count,
    (s) => statuses.push(s),
  );
  const kinds = () => statuses.map((s) => s.kind);
  return { loop, workers, statuses, fanout, kinds };
}

describe('SliceFanout', () => {
  it('splits a slice over two workers, shows the mean progress and merges the parts into the whole slice', () => {
    const { loop, workers, statuses, fanout, kinds } = setup();
    const snapshot = testSnapshot(true);
    fanout.compute(snapshot, settings);
    expect(workers.map((w) => w.received.map((r) => r.type === 'compute' && r.range))).toEqual([[{ from: 0, to: 32 }], [{ from: 32, to: 64 }]]);
    loop.run();
    const fractions = statuses.flatMap((s) => (s.kind === 'running' ? [s.fraction] : []));
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(kinds().filter((k) => k !== 'running')).toEqual(['done']);
    const done = statuses[statuses.length - 1];
    if (done.kind === 'done') expect(done.result).toEqual(computeSliceNow(snapshot, settings));
  });

  it('one worker computes the whole grid', () => {
    const { loop, workers, statuses, fanout } = setup(1);
    fanout.compute(testSnapshot(false), { ...settings, dims: 1 });
    loop.run();
    expect(workers.length).toBe(1);
    const done = statuses[statuses.length - 1];
    expect(done.kind === 'done' && done.result.loss.length).toBe(8);
  });

  it('a cancel stops every part and ends the slice once', () => {
    const { loop, workers, fanout, kinds } = setup();
    fanout.compute(testSnapshot(true), settings);
    loop.run(6);
    fanout.cancel();
    loop.run();
    expect(kinds().filter((k) => k !== 'running')).toEqual(['cancelled']);
    for (const w of workers) expect(w.received.map((r) => r.type)).toEqual(['compute', 'cancel']);
  });

  it('an error in one part ends the slice with it and cancels the other part', () => {
    const { loop, workers, statuses, fanout, kinds } = setup();
    fanout.compute(testSnapshot(false), { ...settings, axis: 'variance' });
    loop.run();
    expect(kinds()).toEqual(['running', 'error']);
    expect(statuses[1]).toEqual({ kind: 'error', message: expect.stringMatching(/bSAM/) });
    expect(workers[1].received.map((r) => r.type)).toEqual(['compute', 'cancel']);
  });

  it('a crashed worker ends the slice with its message and is recreated by the next compute', () => {
    const { loop, workers, statuses, fanout, kinds } = setup();
    fanout.compute(testSnapshot(true), settings);
    loop.run(4);
    workers[0].crash('out of memory');
    expect(statuses[statuses.length - 1]).toEqual({ kind: 'error', message: expect.stringMatching(/slice worker stopped \(out of memory\)/) });
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].received.map((r) => r.type)).toEqual(['compute', 'cancel']);
    loop.run();
    expect(kinds().filter((k) => k !== 'running')).toEqual(['error']);

    fanout.compute(testSnapshot(true), settings);
    loop.run();
    expect(workers.length).toBe(3);
    expect(kinds().filter((k) => k !== 'running')).toEqual(['error', 'done']);
  });

  it('a newer compute supersedes the running one: replies for the old one are ignored', () => {
    const { loop, statuses, fanout, kinds } = setup();
    const snapshot = testSnapshot(true);
    fanout.compute(snapshot, settings);
    loop.run(5);
    fanout.compute(snapshot, { ...settings, dims: 1 });
    loop.run();
    expect(kinds().filter((k) => k !== 'running')).toEqual(['done']);
    const done = statuses[statuses.length - 1];
    if (done.kind === 'done') expect(done.result).toEqual(computeSliceNow(snapshot, { ...settings, dims: 1 }));
  });

  it('warm starts every worker once, before any compute, and a compute then reuses them', () => {
    const { loop, workers, fanout, kinds } = setup();
    fanout.warm();
    fanout.warm();
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => w.received.length === 0)).toBe(true);
    fanout.compute(testSnapshot(true), settings);
    loop.run();
    expect(workers).toHaveLength(2);
    expect(kinds().at(-1)).toBe('done');
  });

  it('dispose terminates every worker and silences late replies', () => {
    const { loop, workers, fanout, kinds } = setup();
    fanout.compute(testSnapshot(true), settings);
    fanout.dispose();
    loop.run();
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(kinds()).toEqual(['running']);
  });
});
