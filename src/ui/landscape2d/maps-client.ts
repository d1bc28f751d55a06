/**
 * Main-thread side of the 2-D worker: the kit's LatestRequestClient (debounced requests, only the newest
 * answer delivered, the main thread as a fallback when the worker cannot run), with the two things one
 * 2-D request that can take seconds needs: the worker's progress reports go to `onProgress`, and a request
 * that supersedes one still computing replaces the busy worker, so the newest request never waits.
 */
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { handleMaps2DRequest } from '../../worker/landscape2d-handler.ts';
import { parseMaps2DResponse } from '../../worker/landscape2d-protocol.ts';
import type { Maps2DFinalResponse, Maps2DRequest } from '../../worker/landscape2d-protocol.ts';
import { LatestRequestClient } from '../kit/worker-client.ts';
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
  private readonly client: LatestRequestClient<Maps2DRequest, Maps2DFinalResponse>;
  /** The newest request sent: progress of any other is stale. */
  private latest: { id: number; key: string } | null = null;

  constructor(options: Maps2DClientOptions) {
    this.client = new LatestRequestClient<Maps2DRequest, Maps2DFinalResponse>({
      createWorker: options.createWorker,
      onWorkerFailure: options.onWorkerFailure,
      debounceMs: options.debounceMs ?? 60,
      restartWhenSuperseded: true,
      parseResponse: (data) => {
        const response = parseMaps2DResponse(data);
        if (response?.kind !== 'progress') return response;
        if (this.latest && response.id === this.latest.id) options.onProgress?.(this.latest.key, response.fraction, response.stage);
        return null;
      },
      computeLocally: options.computeLocally ?? handleMaps2DRequest,
      onResponse: (key, response, where) =>
        options.onUpdate(
          response.kind === 'result'
            ? { key, kind: 'result', maps: response.maps, elapsedMs: response.elapsedMs, where }
            : { key, kind: 'error', message: response.message },
        ),
    });
  }

  schedule(key: string, params: Maps2DParams): void {
    this.client.schedule(key, (id) => {
      this.latest = { id, key };
      return { ...params, id, kind: 'maps2d' };
    });
  }

  dispose(): void {
    this.client.dispose();
  }
}
