/**
 * Main-thread side of the 1-D landscape worker, with progress and cancel. Like LatestRequestClient
 * (../worker-client.ts) it debounces, tags requests with increasing ids, delivers only the newest
 * request's answer and falls back to the main thread if the worker cannot run. Unlike it, a request
 * that has been running for a while when a newer one arrives is CANCELLED: the worker is terminated and
 * a fresh one started, since a synchronous computation cannot be interrupted from outside (a million
 * points take seconds). Short requests (dragging m) are not cancelled: the worker's own queue coalesces
 * them, which is cheaper than starting a worker.
 *
 * "A while" is measured from when the worker started its current job (its last answer, or the send to an
 * idle worker), and is at least twice its last job's time: a σ sweep sends every 150 ms, and on a
 * busy machine a 300 ms computation was cancelled at every step, so a fresh worker booted every step
 * (29 in 4 s), none answered, and the boots' CPU gave the page main-thread tasks over 100 ms (issue 11).
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

/**
 * A superseded job younger than this is never cancelled: booting a fresh worker costs CPU too, and on a
 * busy machine a 150 ms limit restarted workers that were about to answer; a million points take seconds.
 */
const DEFAULT_CANCEL_AFTER_MS = 400;
/** A job is cancelled once it has run this many times as long as the worker's last job. */
const CANCEL_FACTOR = 2;

const localAnswer = (request: Landscape1DRequest): Answer => handleLandscape1DRequest(request) as Answer;

/** An error answer for a message that failed validation but names request `id` and is not progress; else null. */
function malformedAnswer(data: unknown, id: number | undefined): Answer | null {
  if (id === undefined || typeof data !== 'object' || data === null) return null;
  const { id: got, kind } = data as { id?: unknown; kind?: unknown };
  if (got !== id || kind === 'progress') return null;
  return { id, kind: 'error', message: 'the worker sent a malformed answer (a bug: please report the loss and settings)' };
}

export class Landscape1DClient {
  private worker: WorkerLike | null = null;
  private failed = false;
  private nextId = 1;
  private latest: { id: number; key: string; request: Landscape1DRequest; sentAt: number; answered: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** When the current worker started the job it is on (null: idle, every request answered or dropped). */
  private busySince: number | null = null;
  /** How long the worker's last job took, from its start to its answer (0 before any). */
  private lastJobMs = 0;
  /** Doubles at each cancellation until the next answer. */
  private backoff = 1;
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
    const now = this.now();
    const patience = Math.max(this.options.cancelAfterMs ?? DEFAULT_CANCEL_AFTER_MS, CANCEL_FACTOR * this.lastJobMs) * this.backoff;
    if (this.worker && running && !running.answered && this.busySince !== null && now - this.busySince > patience) {
      // Cancel: the old computation dies with its worker.
      this.worker.terminate();
      this.worker = null;
      this.busySince = null;
      // A fresh worker must boot before it answers: until one does, each restart doubles the patience, so
      // an overloaded machine does not cancel every boot (at load 14 the sweep still restarted 11 times).
      this.backoff *= 2;
      this.startWorker();
    }
    if (!running || running.answered || this.busySince === null) this.busySince = now;
    this.latest = { id: request.id, key, request, sentAt: now, answered: false };
    if (this.worker) this.worker.postMessage(request);
    else this.computeOnMainThread(request.id);
  }

  private receive(from: WorkerLike, data: unknown): void {
    if (this.disposed || from !== this.worker) return;
    const latest = this.latest;
    // A malformed answer to the newest request ends it as an error: ignoring it left the panel
    // "computing" forever (a NaN argmin of 1e308·θ² failed validation, issue 10).
    const response = parseLandscape1DResponse(data) ?? malformedAnswer(data, latest?.id);
    if (response && response.kind !== 'progress') {
      // The worker finished a job (maybe a superseded one) and starts the newest queued one, if any.
      // As the page saw it (queueing and a busy machine included), which is what the patience is for.
      const now = this.now();
      if (this.busySince !== null) this.lastJobMs = now - this.busySince;
      this.backoff = 1;
      this.busySince = latest && !latest.answered && response.id !== latest.id ? now : null;
    }
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
