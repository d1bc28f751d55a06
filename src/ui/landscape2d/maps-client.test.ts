import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Maps2DRequest, Maps2DResponse } from '../../worker/landscape2d-protocol.ts';
import type { WorkerLike } from '../kit/worker-client.ts';
import { Maps2DClient } from './maps-client.ts';
import type { Maps2DParams, Maps2DUpdate } from './maps-client.ts';

class FakeWorker implements WorkerLike {
  sent: Maps2DRequest[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as Maps2DRequest);
  }
  terminated = false;
  terminate(): void {
    this.terminated = true;
  }
  reply(response: Maps2DResponse): void {
    this.onmessage?.({ data: response } as MessageEvent);
  }
  crash(): void {
    this.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
  }
}

const params: Maps2DParams = { expression: 'x*y', xFrom: -1, xTo: 1, yFrom: -1, yTo: 1, points: 2, sigma: 0.5, rho: 0.1 };
const maps = () => {
  const a = () => new Float64Array(4);
  return { x: new Float64Array(2), y: new Float64Array(2), loss: a(), expected: a(), sam: a(), relaxed: a(), warnings: [] };
};

describe('Maps2DClient', () => {
  let worker: FakeWorker;
  let updates: Maps2DUpdate[];
  let failures: string[];
  let client: Maps2DClient;

  beforeEach(() => {
    vi.useFakeTimers();
    worker = new FakeWorker();
    updates = [];
    failures = [];
    client = new Maps2DClient({
      createWorker: () => worker,
      onUpdate: (u) => updates.push(u),
      onWorkerFailure: (m) => failures.push(m),
      computeLocally: (r) => ({ id: r.id, kind: 'result', maps: maps(), elapsedMs: 1 }),
    });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('debounces a burst into one request and delivers only the newest answer', () => {
    client.schedule('a', params);
    client.schedule('b', { ...params, sigma: 0.7 });
    vi.advanceTimersByTime(100);
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]).toMatchObject({ kind: 'maps2d', sigma: 0.7 });
    client.schedule('c', { ...params, rho: 0.2 });
    vi.advanceTimersByTime(100);
    worker.reply({ id: worker.sent[0].id, kind: 'result', maps: maps(), elapsedMs: 3 }); // stale
    expect(updates).toEqual([]);
    worker.reply({ id: worker.sent[1].id, kind: 'result', maps: maps(), elapsedMs: 3 });
    expect(updates.map((u) => [u.key, u.kind])).toEqual([['c', 'result']]);
  });

  it('falls back to the main thread once when the worker crashes, answering the pending request', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(100);
    worker.crash();
    expect(failures).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(updates).toMatchObject([{ key: 'a', kind: 'result', where: 'main thread' }]);
    client.schedule('b', params);
    vi.advanceTimersByTime(101);
    expect(worker.sent).toHaveLength(1); // no new worker traffic
    expect(updates.at(-1)).toMatchObject({ key: 'b', where: 'main thread' });
  });

  it('reports progress for the newest request, and a superseding request replaces a busy worker', () => {
    const workers: FakeWorker[] = [];
    const progress: [string, number, string][] = [];
    const c = new Maps2DClient({
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1) as FakeWorker;
      },
      onUpdate: (u) => updates.push(u),
      onWorkerFailure: (m) => failures.push(m),
      onProgress: (key, fraction, stage) => progress.push([key, fraction, stage]),
    });
    c.schedule('a', params);
    vi.advanceTimersByTime(100);
    workers[0].reply({ id: workers[0].sent[0].id, kind: 'progress', fraction: 0.3, stage: 'sam' });
    expect(progress).toEqual([['a', 0.3, 'sam']]);
    // 'a' is still computing: 'b' terminates that worker and goes to a fresh one.
    c.schedule('b', { ...params, rho: 1000 });
    vi.advanceTimersByTime(100);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent[0]).toMatchObject({ rho: 1000 });
    workers[0].reply({ id: workers[0].sent[0].id, kind: 'result', maps: maps(), elapsedMs: 3 }); // from the dead worker
    expect(updates).toEqual([]);
    workers[1].reply({ id: workers[1].sent[0].id, kind: 'result', maps: maps(), elapsedMs: 3 });
    expect(updates.map((u) => u.key)).toEqual(['b']);
    // Idle worker: the next request reuses it.
    c.schedule('c', params);
    vi.advanceTimersByTime(100);
    expect(workers).toHaveLength(2);
    expect(workers[1].terminated).toBe(false);
    c.dispose();
  });
});
