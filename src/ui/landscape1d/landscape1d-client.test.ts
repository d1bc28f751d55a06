import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Landscape1DRequest, Landscape1DResponse } from '../../worker/landscape1d-protocol.ts';
import type { WorkerLike } from '../kit/worker-client.ts';
import { Landscape1DClient } from './landscape1d-client.ts';
import type { Answer } from './landscape1d-client.ts';

class FakeWorker implements WorkerLike {
  sent: Landscape1DRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as Landscape1DRequest);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(response: Landscape1DResponse): void {
    this.onmessage?.({ data: response } as MessageEvent);
  }
}

/** A valid geometry answer for request `id` that took `elapsedMs` in the worker (the client reads only that). */
const geometryAnswer = (id: number, elapsedMs: number): Landscape1DResponse => ({
  id,
  kind: 'geometry',
  elapsedMs,
  geometry: { m: 0, sigma: 0.5, rho: 0.1, loss: 0, expected: 0, samArgmax: 0, sam: 0, adversarial: 0, eps: 0, relaxed: 0, rhoEq: 0, majorant: null, atoms: [], biconjugate: 0, warnings: [] },
});

const geometryRequest = (id: number, m: number): Landscape1DRequest => ({ id, kind: 'geometry', expression: 'theta^2', m, sigma: 0.5, rho: 0.1 });

describe('Landscape1DClient: progress and cancel', () => {
  let workers: FakeWorker[];
  let answers: [string, Answer][];
  let progress: string[];
  let clock: number;
  let client: Landscape1DClient;

  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    answers = [];
    progress = [];
    clock = 0;
    client = new Landscape1DClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      onAnswer: (key, a) => answers.push([key, a]),
      onProgress: (key, p) => progress.push(`${key}:${p.stage}`),
      onWorkerFailure: () => undefined,
      debounceMs: 10,
      cancelAfterMs: 150,
      now: () => clock,
    });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('a newer request cancels a long-running one: the worker is terminated and a fresh one gets the request', () => {
    client.schedule('a', (id) => geometryRequest(id, 0));
    vi.advanceTimersByTime(10);
    expect(workers[0].sent).toHaveLength(1);
    workers[0].reply({ id: 1, kind: 'progress', stage: 'sam', fraction: 0.2 });
    expect(progress).toEqual(['a:sam']);
    clock = 1000;
    client.schedule('b', (id) => geometryRequest(id, 1));
    vi.advanceTimersByTime(10);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent.map((r) => r.id)).toEqual([2]);
    // A late answer of the dead worker is ignored; the new one's is delivered.
    workers[0].reply({ id: 1, kind: 'error', message: 'late' });
    expect(answers).toEqual([]);
    workers[1].reply({ id: 2, kind: 'error', message: 'done' });
    expect(answers.map(([k]) => k)).toEqual(['b']);
  });

  it('a short-running request is not cancelled: the same worker queues the newer one, and only its answer counts', () => {
    client.schedule('a', (id) => geometryRequest(id, 0));
    vi.advanceTimersByTime(10);
    clock = 50;
    client.schedule('b', (id) => geometryRequest(id, 1));
    vi.advanceTimersByTime(10);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    workers[0].reply({ id: 1, kind: 'error', message: 'stale' });
    workers[0].reply({ id: 2, kind: 'error', message: 'fresh' });
    expect(answers.map(([k, a]) => `${k}:${a.kind === 'error' ? a.message : ''}`)).toEqual(['b:fresh']);
  });

  it('a σ sweep (a request every 160 ms, each slower than that) keeps one worker while it answers within twice its last job’s time', () => {
    client.schedule('s0', (id) => geometryRequest(id, 0));
    vi.advanceTimersByTime(10);
    clock = 300;
    workers[0].reply(geometryAnswer(1, 300));
    // Steps every 160 ms (the sweep dispatches at most every 150 ms); the worker answers a superseded request now and then (it coalesces its queue).
    for (let k = 1; k <= 8; k++) {
      clock = 300 + 160 * k;
      client.schedule(`s${k}`, (id) => geometryRequest(id, k));
      vi.advanceTimersByTime(10);
      if (k % 2 === 0) workers[0].reply(geometryAnswer(k, 300));
    }
    expect(workers).toHaveLength(1);
    expect(workers[0].sent).toHaveLength(9);
    // A job that then runs far longer than twice the last one is cancelled as before.
    clock += 2000;
    client.schedule('late', (id) => geometryRequest(id, 9));
    vi.advanceTimersByTime(10);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('restarts back off until a worker answers: each cancellation doubles the patience', () => {
    client.schedule('a', (id) => geometryRequest(id, 0));
    vi.advanceTimersByTime(10);
    // No answer ever comes (a machine so busy that no worker gets to answer): a request every 200 ms.
    const startedAt: number[] = [];
    for (let k = 1; k <= 20; k++) {
      clock = 200 * k;
      const before = workers.length;
      client.schedule(`s${k}`, (id) => geometryRequest(id, k));
      vi.advanceTimersByTime(10);
      if (workers.length > before) startedAt.push(clock);
    }
    // Patience 150, 300, 600, 1200 ms: restarts at 200, 600, 1400 and 2800 ms, not at every request.
    expect(startedAt).toEqual([200, 600, 1400, 2800]);
    // An answer resets it: that job took 1200 ms (from the restart at 2800 to 4000), so the next job is
    // cancelled after twice that, 2400 ms, not after 16 × 2400.
    workers[workers.length - 1].reply(geometryAnswer(20, 0));
    clock += 10;
    client.schedule('t', (id) => geometryRequest(id, 21));
    vi.advanceTimersByTime(10);
    clock += 2500;
    client.schedule('u', (id) => geometryRequest(id, 22));
    vi.advanceTimersByTime(10);
    expect(workers).toHaveLength(6);
  });
});

describe('Landscape1DClient: malformed answers', () => {
  it('a malformed answer to the newest request ends it as an error instead of leaving it computing', () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const answers: Answer[] = [];
    const client = new Landscape1DClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      onAnswer: (_key, a) => answers.push(a),
      onProgress: () => undefined,
      onWorkerFailure: () => undefined,
      debounceMs: 10,
    });
    client.schedule('a', (id) => geometryRequest(id, 0));
    vi.advanceTimersByTime(10);
    // A malformed progress message, and a message for another id, are dropped.
    workers[0].onmessage?.({ data: { id: 1, kind: 'progress', stage: 'nope', fraction: 2 } } as MessageEvent);
    workers[0].onmessage?.({ data: { id: 7, kind: 'geometry' } } as MessageEvent);
    expect(answers).toEqual([]);
    // A geometry answer with a NaN where a number must be (zod rejects NaN).
    const bad = geometryAnswer(1, 3) as { geometry: { sam: number } };
    bad.geometry.sam = NaN;
    workers[0].onmessage?.({ data: bad } as MessageEvent);
    expect(answers.map((a) => a.kind)).toEqual(['error']);
    client.dispose();
    vi.useRealTimers();
  });
});
