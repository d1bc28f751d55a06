import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LandscapeClient } from './landscape-client.ts';
import type { GridParams, GridUpdate, WorkerLike } from './landscape-client.ts';
import type { LandscapeRequest, LandscapeResponse } from '../../worker/landscape-protocol.ts';

class FakeWorker implements WorkerLike {
  sent: LandscapeRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as LandscapeRequest);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(response: LandscapeResponse): void {
    this.onmessage?.({ data: response } as MessageEvent);
  }
  crash(): void {
    this.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
  }
}

const params: GridParams = { expression: 'theta^2', mFrom: -1, mTo: 1, mPoints: 3, sigmaFrom: 0.1, sigmaTo: 1, sigmaPoints: 2 };

function fakeGrid() {
  const arr = () => new Float64Array(6);
  return { m: new Float64Array(3), sigma: new Float64Array(2), expected: arr(), biconjugate: arr(), gap: arr(), warnings: [] };
}

describe('LandscapeClient', () => {
  let worker: FakeWorker;
  let updates: GridUpdate[];
  let failures: string[];
  let local: ReturnType<typeof vi.fn<(r: LandscapeRequest) => LandscapeResponse>>;
  let client: LandscapeClient;

  beforeEach(() => {
    vi.useFakeTimers();
    worker = new FakeWorker();
    updates = [];
    failures = [];
    local = vi.fn((r: LandscapeRequest): LandscapeResponse => ({ id: r.id, kind: 'result', grid: fakeGrid(), elapsedMs: 1 }));
    client = new LandscapeClient({
      createWorker: () => worker,
      onUpdate: (u) => updates.push(u),
      onWorkerFailure: (m) => failures.push(m),
      computeLocally: local,
    });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('debounces: a burst of schedules sends one request, for the last key', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(50);
    client.schedule('b', { ...params, mTo: 2 });
    vi.advanceTimersByTime(99);
    expect(worker.sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]).toMatchObject({ kind: 'msigma', mTo: 2 });
  });

  it('ignores answers to stale ids and delivers the latest', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(100);
    client.schedule('b', params);
    vi.advanceTimersByTime(100);
    const [first, second] = worker.sent;
    worker.reply({ id: first.id, kind: 'result', grid: fakeGrid(), elapsedMs: 1 });
    expect(updates).toHaveLength(0);
    worker.reply({ id: second.id, kind: 'error', message: 'bad' });
    expect(updates).toEqual([{ key: 'b', kind: 'error', message: 'bad' }]);
  });

  it('ignores malformed messages from the worker', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(100);
    worker.onmessage?.({ data: { nonsense: true } } as MessageEvent);
    expect(updates).toHaveLength(0);
  });

  it('falls back to the main thread once when the worker crashes, and stays there', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(100);
    worker.crash();
    expect(worker.terminated).toBe(true);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/main thread/);
    vi.advanceTimersByTime(0);
    expect(local).toHaveBeenCalledTimes(1);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ key: 'a', kind: 'result', where: 'main thread' });
    // Later requests no longer go to the dead worker.
    client.schedule('b', params);
    vi.advanceTimersByTime(100);
    vi.advanceTimersByTime(1); // the main-thread computation runs in its own macrotask
    expect(worker.sent).toHaveLength(1);
    expect(local).toHaveBeenCalledTimes(2);
    expect(updates[1]).toMatchObject({ key: 'b', where: 'main thread' });
  });

  it('does not recompute after a crash if the latest request was already answered', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(100);
    worker.reply({ id: worker.sent[0].id, kind: 'result', grid: fakeGrid(), elapsedMs: 1 });
    worker.crash();
    vi.advanceTimersByTime(10);
    expect(local).not.toHaveBeenCalled();
    expect(updates).toHaveLength(1);
  });

  it('computes on the main thread when no worker can be created', () => {
    const other = new LandscapeClient({
      createWorker: () => {
        throw new Error('no workers here');
      },
      onUpdate: (u) => updates.push(u),
      onWorkerFailure: (m) => failures.push(m),
      computeLocally: local,
    });
    expect(failures[0]).toContain('no workers here');
    other.schedule('x', params);
    vi.advanceTimersByTime(100);
    vi.advanceTimersByTime(1);
    expect(local).toHaveBeenCalledTimes(1);
    expect(updates[0]).toMatchObject({ key: 'x', kind: 'result' });
    other.dispose();
  });

  it('stops delivering after dispose', () => {
    client.schedule('a', params);
    client.dispose();
    vi.advanceTimersByTime(200);
    expect(worker.sent).toHaveLength(0);
    expect(worker.terminated).toBe(true);
  });
});
