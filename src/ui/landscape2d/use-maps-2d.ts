/**
 * React binding of Maps2DClient through useLatestRequest: one worker per mounted panel, a request only
 * when the key (loss text, view, points, σ, ρ) changes. The newest maps stay on screen while the next ones are computed, so a
 * zoom, a slider move or an invalid draft never blanks the panel.
 */
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { useLatestRequest } from '../kit/use-latest-request.ts';
import type { ClientCallbacks } from '../kit/use-latest-request.ts';
import { createMapsWorker } from './create-maps-worker.ts';
import { Maps2DClient } from './maps-client.ts';
import type { Maps2DParams, Maps2DUpdate } from './maps-client.ts';

export interface Maps2DState {
  status: 'computing' | 'ready' | 'error';
  maps: Landscape2D | null;
  error: string | null;
  workerFailure: string | null;
  elapsedMs: number | null;
  where: 'worker' | 'main thread' | null;
}

function createClient(callbacks: ClientCallbacks<Maps2DUpdate>): Maps2DClient {
  return new Maps2DClient({ createWorker: createMapsWorker, ...callbacks });
}

export function useMaps2D(params: Maps2DParams | null): Maps2DState {
  const { key, current, lastResult, workerFailure } = useLatestRequest(params, createClient);
  const status = key === null || current?.kind === 'error' ? 'error' : current === null ? 'computing' : 'ready';
  return {
    status,
    maps: lastResult?.maps ?? null,
    error: current?.kind === 'error' ? current.message : null,
    workerFailure,
    elapsedMs: current?.kind === 'result' ? current.elapsedMs : null,
    where: current?.kind === 'result' ? current.where : null,
  };
}
