/**
 * Main-thread side of the minimiser-path worker over LatestRequestClient (debounce, newest id wins,
 * main-thread fallback). Progress messages are not responses: they are picked off in parseResponse
 * and passed on only when they belong to the newest request sent.
 */
import { handleMinimiserRequest } from '../../worker/minimiser-handler.ts';
import { parseMinimiserProgress, parseMinimiserResponse } from '../../worker/minimiser-protocol.ts';
import type { MinimiserRequest, MinimiserResponse, PostedPath } from '../../worker/minimiser-protocol.ts';
import { LatestRequestClient } from '../kit/worker-client.ts';
import type { ComputedWhere, WorkerLike } from '../kit/worker-client.ts';

export type PathParams = Omit<MinimiserRequest, 'id' | 'kind'>;

export type PathUpdate =
  | { key: string; kind: 'result'; path: PostedPath; elapsedMs: number; where: ComputedWhere }
  | { key: string; kind: 'error'; message: string };

export interface PathProgress {
  key: string;
  done: number;
  total: number;
}

export interface MinimiserClientOptions {
  createWorker: () => WorkerLike;
  onUpdate: (update: PathUpdate) => void;
  onWorkerFailure: (message: string) => void;
  onProgress: (progress: PathProgress) => void;
  debounceMs?: number;
}

export class MinimiserClient {
  private readonly client: LatestRequestClient<MinimiserRequest, MinimiserResponse>;
  private latest: { id: number; key: string } | null = null;

  constructor(options: MinimiserClientOptions) {
    this.client = new LatestRequestClient<MinimiserRequest, MinimiserResponse>({
      createWorker: options.createWorker,
      onWorkerFailure: options.onWorkerFailure,
      debounceMs: options.debounceMs ?? 150,
      parseResponse: (data) => {
        const progress = parseMinimiserProgress(data);
        if (progress) {
          if (this.latest && progress.id === this.latest.id) options.onProgress({ key: this.latest.key, done: progress.done, total: progress.total });
          return null;
        }
        return parseMinimiserResponse(data);
      },
      computeLocally: handleMinimiserRequest,
      onResponse: (key, response, where) =>
        options.onUpdate(
          response.kind === 'result'
            ? { key, kind: 'result', path: response.path, elapsedMs: response.elapsedMs, where }
            : { key, kind: 'error', message: response.message },
        ),
    });
  }

  schedule(key: string, params: PathParams): void {
    this.client.schedule(key, (id) => {
      this.latest = { id, key };
      return { ...params, id, kind: 'minimiser-path' };
    });
  }

  dispose(): void {
    this.client.dispose();
  }
}
