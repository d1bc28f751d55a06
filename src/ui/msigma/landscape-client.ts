/**
 * Main-thread side of the landscape worker. The debouncing, the newest-request-wins ids and the
 * fall-back to the main thread when the worker fails are LatestRequestClient's (../kit/worker-client.ts).
 */
import { handleLandscapeRequest } from '../../worker/landscape-handler.ts';
import { parseLandscapeResponse } from '../../worker/landscape-protocol.ts';
import type { LandscapeRequest, LandscapeResponse } from '../../worker/landscape-protocol.ts';
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';
import { LatestRequestClient } from '../kit/worker-client.ts';
import type { ComputedWhere, WorkerLike } from '../kit/worker-client.ts';

// Re-exported so existing importers (tests, the worker factory) keep their import path.
export type { WorkerLike } from '../kit/worker-client.ts';

export type GridParams = Omit<LandscapeRequest, 'id' | 'kind'>;

export type GridUpdate =
  | { key: string; kind: 'result'; grid: MSigmaGrid; elapsedMs: number; where: ComputedWhere }
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

/** The (m, σ) grid over LatestRequestClient; only the request kind and the update shape are its own. */
export class LandscapeClient {
  private readonly client: LatestRequestClient<LandscapeRequest, LandscapeResponse>;

  constructor(options: LandscapeClientOptions) {
    this.client = new LatestRequestClient({
      createWorker: options.createWorker,
      onWorkerFailure: options.onWorkerFailure,
      debounceMs: options.debounceMs ?? 100,
      parseResponse: parseLandscapeResponse,
      computeLocally: options.computeLocally ?? handleLandscapeRequest,
      onResponse: (key, response, where) =>
        options.onUpdate(
          response.kind === 'result'
            ? { key, kind: 'result', grid: response.grid, elapsedMs: response.elapsedMs, where }
            : { key, kind: 'error', message: response.message },
        ),
    });
  }

  /** Requests the grid for `params`, after the debounce delay; supersedes any earlier request. */
  schedule(key: string, params: GridParams): void {
    this.client.schedule(key, (id) => ({ ...params, id, kind: 'msigma' }));
  }

  dispose(): void {
    this.client.dispose();
  }
}
