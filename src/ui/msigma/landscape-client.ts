/**
 * Main-thread side of the landscape worker: debounces requests, tags them with increasing ids and
 * delivers only the answer to the latest one (stale ids are ignored). If the worker cannot be
 * created, or crashes (onerror / onmessageerror), it is dropped for good: the pending request is
 * computed once on the main thread, and so are later ones, with a notice saying so. There is no
 * retry loop; a failing main-thread computation is reported as an error.
 */
import { handleLandscapeRequest } from '../../worker/landscape-handler.ts';
import { parseLandscapeResponse } from '../../worker/landscape-protocol.ts';
import type { LandscapeRequest, LandscapeResponse } from '../../worker/landscape-protocol.ts';
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';

export type GridParams = Omit<LandscapeRequest, 'id' | 'kind'>;

/** What a worker must offer; a structural subset of Worker, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type GridUpdate =
  | { key: string; kind: 'result'; grid: MSigmaGrid; elapsedMs: number; where: 'worker' | 'main thread' }
  | { key: string; kind: 'error'; message: string };

export interface LandscapeClientOptions {
  createWorker: () => WorkerLike;
  onUpdate: (update: GridUpdate) => void;
  /** Called once when the client gives up on the worker. */
  onWorkerFailure: (message: string) => void;
  debounceMs?: number;
  /** Main-thread fallback; defaults to the worker's own handler. */
  computeLocally?: (request: LandscapeRequest) => LandscapeResponse;
}

export class LandscapeClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  /** The latest request sent, with the key it was made for. */
  private latest: { id: number; key: string; request: LandscapeRequest } | null = null;
  /** Id of the latest request whose answer was delivered. */
  private answeredId = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly options: LandscapeClientOptions;

  constructor(options: LandscapeClientOptions) {
    this.options = options;
    try {
      const worker = options.createWorker();
      worker.onmessage = (e) => this.receive(e.data);
      worker.onerror = (e) => {
        // Handled here; keep the browser from also logging it as an uncaught error.
        e.preventDefault();
        this.fail(e.message || 'the worker script failed');
      };
      worker.onmessageerror = () => this.fail('a worker message could not be deserialised');
      this.worker = worker;
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  /** Requests the grid for `params`, after the debounce delay; supersedes any earlier request. */
  schedule(key: string, params: GridParams): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send(key, params);
    }, this.options.debounceMs ?? 100);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private send(key: string, params: GridParams): void {
    const request: LandscapeRequest = { ...params, id: this.nextId++, kind: 'msigma' };
    this.latest = { id: request.id, key, request };
    if (this.worker) this.worker.postMessage(request);
    else this.computeOnMainThread(request.id);
  }

  private receive(data: unknown): void {
    if (this.disposed) return;
    const response = parseLandscapeResponse(data);
    const latest = this.latest;
    // Stray or stale answers are dropped: only the newest request's answer is shown.
    if (!response || !latest || response.id !== latest.id) return;
    this.deliver(latest.key, response, 'worker');
  }

  private deliver(key: string, response: LandscapeResponse, where: 'worker' | 'main thread'): void {
    if (response.id !== null) this.answeredId = response.id;
    this.options.onUpdate(
      response.kind === 'result'
        ? { key, kind: 'result', grid: response.grid, elapsedMs: response.elapsedMs, where }
        : { key, kind: 'error', message: response.message },
    );
  }

  private fail(reason: string): void {
    if (this.disposed) return;
    const hadWorker = this.worker !== null;
    this.worker?.terminate();
    this.worker = null;
    this.options.onWorkerFailure(`The background worker failed (${reason}); computing on the main thread instead.`);
    // The request in flight died with the worker: compute it here, once.
    if (hadWorker && this.latest && this.latest.id !== this.answeredId) this.computeOnMainThread(this.latest.id);
  }

  private computeOnMainThread(id: number): void {
    // A macrotask, so the "computing…" status can paint before the main thread is busy.
    setTimeout(() => {
      const latest = this.latest;
      if (this.disposed || !latest || latest.id !== id) return;
      const compute = this.options.computeLocally ?? handleLandscapeRequest;
      let response: LandscapeResponse;
      try {
        response = compute(latest.request);
      } catch (e) {
        response = { id, kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      this.deliver(latest.key, response, 'main thread');
    }, 0);
  }
}
