/**
 * E, B and B − E exactly at the current (m, σ), from the point worker (newest request wins, a short
 * debounce while the crosshair is dragged; the main thread computes it if the worker fails).
 */
import type { GapAtPoint } from '../../math/msigma.ts';
import { handlePointRequest } from '../../worker/msigma-point-handler.ts';
import { parsePointResponse } from '../../worker/msigma-point-protocol.ts';
import type { PointRequest, PointResponse } from '../../worker/msigma-point-protocol.ts';
import { useLatestRequest } from '../kit/use-latest-request.ts';
import type { ClientCallbacks } from '../kit/use-latest-request.ts';
import { LatestRequestClient } from '../kit/worker-client.ts';
import { createPointWorker } from './create-point-worker.ts';

export type PointParams = Omit<PointRequest, 'id' | 'kind'>;
type PointUpdate = { key: string; kind: 'result'; point: GapAtPoint } | { key: string; kind: 'error'; message: string };

function createClient(callbacks: ClientCallbacks<PointUpdate>) {
  const client = new LatestRequestClient<PointRequest, PointResponse>({
    createWorker: createPointWorker,
    onWorkerFailure: callbacks.onWorkerFailure,
    debounceMs: 60,
    parseResponse: parsePointResponse,
    computeLocally: handlePointRequest,
    onResponse: (key, response) =>
      callbacks.onUpdate(response.kind === 'result' ? { key, kind: 'result', point: response.point } : { key, kind: 'error', message: response.message }),
  });
  return {
    schedule: (key: string, params: PointParams) => client.schedule(key, (id) => ({ ...params, id, kind: 'msigma-point' })),
    dispose: () => client.dispose(),
  };
}

/** The point's values once computed for exactly these params; null while computing or on error (then `error`). */
export function useGapAtPoint(params: PointParams | null): { point: GapAtPoint | null; error: string | null } {
  const { current } = useLatestRequest(params, createClient);
  if (current === null) return { point: null, error: null };
  return current.kind === 'result' ? { point: current.point, error: null } : { point: null, error: current.message };
}
