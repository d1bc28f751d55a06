/**
 * Main-thread side of the 2-D worker, with the rules of ../msigma/landscape-client.ts: debounced
 * requests with increasing ids, only the newest answer is delivered, and a worker that cannot be created
 * or crashes is dropped for good in favour of the main thread (said once through onWorkerFailure).
 */
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { handleMaps2DRequest } from '../../worker/landscape2d-handler.ts';
import { parseMaps2DResponse } from '../../worker/landscape2d-protocol.ts';
import type { Maps2DRequest, Maps2DResponse } from '../../worker/landscape2d-protocol.ts';
import type { WorkerLike } from '../msigma/landscape-client.ts';

export type Maps2DParams = Omit<Maps2DRequest, 'id' | 'kind'>;

export type Maps2DUpdate =
  | { key: string; kind: 'result'; maps: Landscape2D; elapsedMs: number; where: 'worker' | 'main thread' }
  | { key: string; kind: 'error'; message: string };

export interface Maps2DClientOptions {
  createWorker: () => WorkerLike;
  onUpdate: (update: Maps2DUpdate) => void;
  onWorkerFailure: (message: string) => void;
  debounceMs?: number;
  computeLocally?: (request: Maps2DRequest) => Maps2DResponse;
}

export class Maps2DClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private latest: { id: number; key: string; request: Maps2DRequest } | null = null;
  private answeredId = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(private readonly options: Maps2DClientOptions) {
    try {
      const worker = options.createWorker();
      worker.onmessage = (e) => this.receive(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        this.fail(e.message || 'the worker script failed');
      };
      worker.onmessageerror = () => this.fail('a worker message could not be deserialised');
      this.worker = worker;
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  schedule(key: string, params: Maps2DParams): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send(key, params);
    }, this.options.debounceMs ?? 60);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private send(key: string, params: Maps2DParams): void {
    const request: Maps2DRequest = { ...params, id: this.nextId++, kind: 'maps2d' };
    this.latest = { id: request.id, key, request };
    if (this.worker) this.worker.postMessage(request);
    else this.computeOnMainThread(request.id);
  }

  private receive(data: unknown): void {
    if (this.disposed) return;
    const response = parseMaps2DResponse(data);
    const latest = this.latest;
    if (!response || !latest || response.id !== latest.id) return;
    this.deliver(latest.key, response, 'worker');
  }

  private deliver(key: string, response: Maps2DResponse, where: 'worker' | 'main thread'): void {
    if (response.id !== null) this.answeredId = response.id;
    this.options.onUpdate(
      response.kind === 'result'
        ? { key, kind: 'result', maps: response.maps, elapsedMs: response.elapsedMs, where }
        : { key, kind: 'error', message: response.message },
    );
  }

  private fail(reason: string): void {
    if (this.disposed) return;
    const hadWorker = this.worker !== null;
    this.worker?.terminate();
    this.worker = null;
    this.options.onWorkerFailure(`The background worker failed (${reason}); computing on the main thread instead.`);
    if (hadWorker && this.latest && this.latest.id !== this.answeredId) this.computeOnMainThread(this.latest.id);
  }

  private computeOnMainThread(id: number): void {
    setTimeout(() => {
      const latest = this.latest;
      if (this.disposed || !latest || latest.id !== id) return;
      const compute = this.options.computeLocally ?? handleMaps2DRequest;
      let response: Maps2DResponse;
      try {
        response = compute(latest.request);
      } catch (e) {
        response = { id, kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      this.deliver(latest.key, response, 'main thread');
    }, 0);
  }
}
