/**
 * Main-thread side of the 2-D worker. Like LatestRequestClient (../kit/worker-client.ts): debounced
 * requests, only the newest answer delivered, the main thread as a fallback when the worker cannot
 * run. Two additions, because one 2-D request can take seconds: the worker reports progress, and a
 * request that supersedes one still computing terminates that worker and starts a fresh one (a
 * synchronous computation cannot be interrupted any other way), so the newest request never waits.
 */
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { handleMaps2DRequest } from '../../worker/landscape2d-handler.ts';
import { parseMaps2DResponse } from '../../worker/landscape2d-protocol.ts';
import type { Maps2DFinalResponse, Maps2DRequest } from '../../worker/landscape2d-protocol.ts';
import type { ComputedWhere, WorkerLike } from '../kit/worker-client.ts';

export type Maps2DParams = Omit<Maps2DRequest, 'id' | 'kind'>;

export type Maps2DUpdate =
  | { key: string; kind: 'result'; maps: Landscape2D; elapsedMs: number; where: ComputedWhere }
  | { key: string; kind: 'error'; message: string };

export interface Maps2DClientOptions {
  createWorker: () => WorkerLike;
  onUpdate: (update: Maps2DUpdate) => void;
  onWorkerFailure: (message: string) => void;
  /** Fraction done (0..1) and stage of the request for `key`. */
  onProgress?: (key: string, fraction: number, stage: string) => void;
  debounceMs?: number;
  computeLocally?: (request: Maps2DRequest) => Maps2DFinalResponse;
}

export class Maps2DClient {
  private worker: WorkerLike | null = null;
  private failed = false;
  private nextId = 1;
  private latest: { id: number; key: string; request: Maps2DRequest } | null = null;
  /** Whether the worker is still computing the latest request. */
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: Maps2DClientOptions) {
    this.startWorker();
  }

  schedule(key: string, params: Maps2DParams): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send(key, { ...params, id: this.nextId++, kind: 'maps2d' });
    }, this.options.debounceMs ?? 60);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private startWorker(): void {
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
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  private send(key: string, request: Maps2DRequest): void {
    this.latest = { id: request.id, key, request };
    if (this.failed) {
      this.computeOnMainThread(request.id);
      return;
    }
    // Cancel: the superseded computation dies with its worker.
    if (this.busy) {
      this.worker?.terminate();
      this.worker = null;
      this.startWorker();
      if (this.failed) return;
    }
    this.busy = true;
    this.worker?.postMessage(request);
  }

  private receive(from: WorkerLike, data: unknown): void {
    if (this.disposed || from !== this.worker) return;
    const response = parseMaps2DResponse(data);
    const latest = this.latest;
    if (!response || !latest || response.id !== latest.id) return;
    if (response.kind === 'progress') {
      this.options.onProgress?.(latest.key, response.fraction, response.stage);
      return;
    }
    this.busy = false;
    this.deliver(latest.key, response, 'worker');
  }

  private deliver(key: string, response: Maps2DFinalResponse, where: ComputedWhere): void {
    this.options.onUpdate(
      response.kind === 'result'
        ? { key, kind: 'result', maps: response.maps, elapsedMs: response.elapsedMs, where }
        : { key, kind: 'error', message: response.message },
    );
  }

  private fail(reason: string): void {
    if (this.disposed || this.failed) return;
    this.failed = true;
    this.worker?.terminate();
    this.worker = null;
    this.options.onWorkerFailure(`The background worker failed (${reason}); computing on the main thread instead.`);
    if (this.busy && this.latest) this.computeOnMainThread(this.latest.id);
    this.busy = false;
  }

  private computeOnMainThread(id: number): void {
    // A macrotask, so the "computing…" status can paint before the main thread is busy.
    setTimeout(() => {
      const latest = this.latest;
      if (this.disposed || !latest || latest.id !== id) return;
      let response: Maps2DFinalResponse;
      try {
        response = (this.options.computeLocally ?? handleMaps2DRequest)(latest.request);
      } catch (e) {
        response = { id, kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      this.deliver(latest.key, response, 'main thread');
    }, 0);
  }
}
