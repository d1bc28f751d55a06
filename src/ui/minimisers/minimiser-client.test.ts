import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerLike } from '../kit/worker-client.ts';
import { MinimiserClient } from './minimiser-client.ts';
import type { PathParams, PathProgress, PathUpdate } from './minimiser-client.ts';
import type { MinimiserRequest } from '../../worker/minimiser-protocol.ts';

class FakeWorker implements WorkerLike {
  sent: MinimiserRequest[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as MinimiserRequest);
  }
  terminate(): void {}
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

const params: PathParams = { expression: 'theta^2', from: -1, to: 1, points: 11, axis: 'sigma', sigma: 0.5, rho: 0.1, sweepFrom: 0.1, sweepTo: 1, sweepPoints: 2 };
const path = () => ({ axis: 'sigma' as const, values: new Float64Array(2), expected: new Float64Array(2), sam: new Float64Array(2), relaxed: new Float64Array(2), biconjugate: new Float64Array(2), warnings: [] });

describe('MinimiserClient', () => {
  let worker: FakeWorker;
  let updates: PathUpdate[];
  let progress: PathProgress[];
  let client: MinimiserClient;

  beforeEach(() => {
    vi.useFakeTimers();
    worker = new FakeWorker();
    updates = [];
    progress = [];
    client = new MinimiserClient({ createWorker: () => worker, onUpdate: (u) => updates.push(u), onWorkerFailure: () => undefined, onProgress: (p) => progress.push(p), debounceMs: 10 });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('passes on progress of the newest request only, and delivers its result', () => {
    client.schedule('a', params);
    vi.advanceTimersByTime(10);
    client.schedule('b', { ...params, rho: 0.2 });
    vi.advanceTimersByTime(10);
    const [first, second] = worker.sent;
    expect(second.kind).toBe('minimiser-path');
    worker.reply({ id: first.id, kind: 'progress', done: 1, total: 2 });
    worker.reply({ id: second.id, kind: 'progress', done: 1, total: 2 });
    expect(progress).toEqual([{ key: 'b', done: 1, total: 2 }]);
    expect(updates).toEqual([]);
    worker.reply({ id: first.id, kind: 'result', path: path(), elapsedMs: 1 });
    expect(updates).toEqual([]);
    worker.reply({ id: second.id, kind: 'result', path: path(), elapsedMs: 1 });
    expect(updates.map((u) => [u.key, u.kind])).toEqual([['b', 'result']]);
  });
});
