/**
 * Main-thread side of a "newest request wins" worker, shared by the (m, σ) map and point, minimiser-path and 2-D panels.
 * Requests are debounced and tagged with increasing ids; only the answer to the latest one is
 * delivered (stale ids are ignored). If the worker cannot be created, or crashes (onerror /
 * onmessageerror), it is dropped for good: the pending request is computed once on the main thread,
 * and so are later ones, with a notice saying so. There is no retry loop; a failing main-thread
 * computation is reported as an error response.
 */

/**
 * What a worker must offer, for every worker client of the app (landscapes, maps, training, slices): a
 * structural subset of Worker, typed by the requests it takes and the responses it sends, so tests can pass a fake.
 */
export interface WorkerLike<Req = unknown, Res = unknown> {
  postMessage(message: Req): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Res>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export type ComputedWhere = 'worker' | 'main thread';

/** The error answer the client makes itself when the main-thread computation throws. */
export interface LocalErrorResponse {
  id: number;
  kind: 'error';
  message: string;
}

export interface LatestRequestClientOptions<Req extends { id: number }, Res extends { id: number | null }> {
  createWorker: () => WorkerLike;
  /** Receives the answer to the latest request, with the key it was scheduled for. */
  onResponse: (key: string, response: Res | LocalErrorResponse, where: ComputedWhere) => void;
  /** Called once when the client gives up on the worker. */
  onWorkerFailure: (message: string) => void;
  debounceMs: number;
  /** Validates a worker message; null for anything that is not a response. */
  parseResponse: (data: unknown) => Res | null;
  /** Main-thread fallback, normally the worker's own handler. */
  computeLocally: (request: Req) => Res;
  /**
   * For requests that can take seconds (the 2-D maps): a request that supersedes one still computing
   * terminates that worker and starts a fresh one, since a synchronous computation cannot be interrupted
   * any other way, so the newest request never waits behind a stale one.
   */
  restartWhenSuperseded?: boolean;
}

export class LatestRequestClient<Req extends { id: number }, Res extends { id: number | null }> {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  /** The latest request sent, with the key it was made for. */
  private latest: { id: number; key: string; request: Req } | null = null;
  /** Id of the latest request whose answer was delivered. */
  private answeredId = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  /** Whether the worker is still computing the latest request. */
  private busy = false;

  constructor(private readonly options: LatestRequestClientOptions<Req, Res>) {
    this.startWorker();
  }

  private startWorker(): void {
    try {
      const worker = this.options.createWorker();
      // Messages and errors of a worker this client has since replaced are ignored.
      worker.onmessage = (e) => {
        if (worker === this.worker) this.receive(e.data);
      };
      worker.onerror = (e) => {
        // Handled here; keep the browser from also logging it as an uncaught error.
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

  /**
   * Sends the request `makeRequest(id)` after the debounce delay; supersedes any earlier one. The id
   * is only drawn when the request is sent, so debounced-away requests do not consume ids.
   */
  schedule(key: string, makeRequest: (id: number) => Req): void {
    if (this.disposed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send(key, makeRequest(this.nextId++));
    }, this.options.debounceMs);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private send(key: string, request: Req): void {
    this.latest = { id: request.id, key, request };
    if (this.worker && this.busy && this.options.restartWhenSuperseded) {
      // Cancel: the superseded computation dies with its worker.
      this.worker.terminate();
      this.worker = null;
      this.startWorker();
    }
    if (!this.worker) {
      this.computeOnMainThread(request.id);
      return;
    }
    this.busy = true;
    this.worker.postMessage(request);
  }

  private receive(data: unknown): void {
    if (this.disposed) return;
    const response = this.options.parseResponse(data);
    const latest = this.latest;
    // Stray or stale answers are dropped: only the newest request's answer is shown.
    if (!response || !latest || response.id !== latest.id) return;
    this.busy = false;
    this.deliver(latest.key, response, 'worker');
  }

  private deliver(key: string, response: Res | LocalErrorResponse, where: ComputedWhere): void {
    if (response.id !== null) this.answeredId = response.id;
    this.options.onResponse(key, response, where);
  }

  private fail(reason: string): void {
    if (this.disposed) return;
    const hadWorker = this.worker !== null;
    this.busy = false;
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
      let response: Res | LocalErrorResponse;
      try {
        response = this.options.computeLocally(latest.request);
      } catch (e) {
        response = { id, kind: 'error', message: e instanceof Error ? e.message : String(e) };
      }
      this.deliver(latest.key, response, 'main thread');
    }, 0);
  }
}
