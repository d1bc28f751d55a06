/**
 * Main-thread side of the 1-D landscape worker, with progress and cancel. Like LatestRequestClient
 * (../worker-client.ts) it debounces, tags requests with increasing ids, delivers only the newest
 * request's answer and falls back to the main thread if the worker cannot run. Unlike it, a request
 * that has been running for a while when a newer one arrives is CANCELLED: the worker is terminated and
 * a fresh one started, since a synchronous computation cannot be interrupted from outside (a million
 * points take seconds). Short requests (dragging m) are not cancelled: the worker's own queue coalesces
 * them, which is cheaper than starting a worker.
 */
import { handleLandscape1DRequest } from '../../worker/landscape1d-handler.ts';
import { parseLandscape1DResponse } from '../../worker/landscape1d-protocol.ts';
import type { Landscape1DRequest, Landscape1DResponse, ProgressMessage } from '../../worker/landscape1d-protocol.ts';
import type { ComputedWhere, WorkerLike } from '../kit/worker-client.ts';

export type Answer = Exclude<Landscape1DResponse, ProgressMessage>;

export interface Landscape1DClientOptions {
  createWorker: () => WorkerLike;
  onAnswer: (key: string, answer: Answer, where: ComputedWhere) => void;
  onProgress: (key: string, progress: ProgressMessage) => void;
  onWorkerFailure: (message: string) => void;
  debounceMs?: number;
  /** A request running longer than this is cancelled when a newer one is sent. */
  cancelAfterMs?: number;
  computeLocally?: (request: Landscape1DRequest) => Answer;
  now?: () => number;
}

const localAnswer = (request: Landscape1DRequest): Answer => handleLandscape1DRequest(request) as Answer;

export class Landscape1DClient {
  private worker: WorkerLike | null = null;
  private failed = false;
  private nextId = 1;
  private latest: { id: number; key: string; request: Landscape1DRequest; sentAt: number; answered: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** Workers started, for tests and the status line (1 + number of cancellations). */
  started = 0;

  constructor(private readonly options: Landscape1DClientOptions) {
    this.startWorker();
  }

  schedule(key: string, makeRequest: (id: number) => Landscape1DRequest): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send(key, makeRequest(this.nextId++));
    }, this.options.debounceMs ?? 40);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  private startWorker(): void {
    if (this.failed) return;
    try {
      const worker = this.options.createWorker();
      worker.onmessage = (e) => this.receive(worker, e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        if (worker === this.worker) this.fail(e.message || 'the worker script failed');
      };
      worker.onmessageerror = () => {
        if (worker === this.worker) this.fail('a worker message could not be deserialised');
      };
      this.worker = worker;
      this.started++;
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  private send(key: string, request: Landscape1DRequest): void {
    const running = this.latest;
    if (this.worker && running && !running.answered && this.now() - running.sentAt > (this.options.cancelAfterMs ?? 150)) {
      // Cancel: the old computation dies with its worker.
      this.worker.terminate();
      this.worker = null;
      this.startWorker();
    }
    this.latest = { id: request.id, key, request, sentAt: this.now(), answered: false };
    if (this.worker) this.worker.postMessage(request);
    else this.computeOnMainThread(request.id);
  }

  private receive(from: WorkerLike, data: unknown): void {
    if (this.disposed || from !== this.worker) return;
    const response = parseLandscape1DResponse(data);
    const latest = this.latest;
    if (!response || !latest || response.id !== latest.id) return;
    if (response.kind === 'progress') {
      this.options.onProgress(latest.key, response);
      return;
    }
    latest.answered = true;
    this.options.onAnswer(latest.key, response, 'worker');
  }

  private fail(reason: string): void {
    if (this.disposed || this.failed) return;
    this.failed = true;
    const hadWorker = this.worker !== null;
    this.worker?.terminate();
    this.worker = null;
    this.options.onWorkerFailure(`The background worker failed (${reason}); computing on the main thread instead.`);
    if (hadWorker && this.latest && !this.latest.answered) this.computeOnMainThread(this.latest.id);
  }

  private computeOnMainThread(id: number): void {
    setTimeout(() => {
      const latest = this.latest;
      if (this.disposed || !latest || latest.id !== id) return;
      let answer: Answer;
      try {
        answer = (this.options.computeLocally ?? localAnswer)(latest.request);
      } catch (e) {
        answer = { id, kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      latest.answered = true;
      this.options.onAnswer(latest.key, answer, 'main thread');
    }, 0);
  }
}
