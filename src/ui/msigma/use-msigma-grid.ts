/**
 * React binding of LandscapeClient through useLatestRequest (one worker per mounted panel,
 * recomputation only when the request key changes); this file only turns its state into a status.
 */
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';
import { requestOutcome, useLatestRequest } from '../kit/use-latest-request.ts';
import type { ClientCallbacks } from '../kit/use-latest-request.ts';
import { createLandscapeWorker } from './create-landscape-worker.ts';
import { LandscapeClient } from './landscape-client.ts';
import type { GridParams, GridUpdate } from './landscape-client.ts';

export type GridStatus = 'computing' | 'ready' | 'error';

export interface GridState {
  status: GridStatus;
  /** The newest grid received (possibly for an older request while computing). */
  grid: MSigmaGrid | null;
  error: string | null;
  /** Set once the worker has failed and the main thread is computing instead. */
  workerFailure: string | null;
  elapsedMs: number | null;
  where: 'worker' | 'main thread' | null;
}

function createClient(callbacks: ClientCallbacks<GridUpdate>): LandscapeClient {
  return new LandscapeClient({ createWorker: createLandscapeWorker, ...callbacks });
}

/** `params` null means the inputs are invalid; `invalidReason` then explains why. */
export function useMSigmaGrid(params: GridParams | null, invalidReason: string | null): GridState {
  const { key, current, lastResult, workerFailure } = useLatestRequest(params, createClient);
  const { status, error, elapsedMs, where } = requestOutcome(key, current, invalidReason);
  return { status, grid: lastResult?.grid ?? null, error, workerFailure, elapsedMs, where };
}
