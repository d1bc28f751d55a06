/**
 * Main-thread side of the 2-D worker: LatestRequestClient (../kit/worker-client.ts) with the maps2d
 * request kind, the same rules as the (m, σ) panel's client.
 */
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { handleMaps2DRequest } from '../../worker/landscape2d-handler.ts';
import { parseMaps2DResponse } from '../../worker/landscape2d-protocol.ts';
import type { Maps2DRequest, Maps2DResponse } from '../../worker/landscape2d-protocol.ts';
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
  debounceMs?: number;
  computeLocally?: (request: Maps2DRequest) => Maps2DResponse;
}

export class Maps2DClient {
  private readonly client: LatestRequestClient<Maps2DRequest, Maps2DResponse>;

  constructor(options: Maps2DClientOptions) {
    this.client = new LatestRequestClient({
      createWorker: options.createWorker,
      onWorkerFailure: options.onWorkerFailure,
      debounceMs: options.debounceMs ?? 60,
      parseResponse: parseMaps2DResponse,
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
    this.client.schedule(key, (id) => ({ ...params, id, kind: 'maps2d' }));
  }

  dispose(): void {
    this.client.dispose();
  }
}
