/**
 * React binding of Maps2DClient through useLatestRequest: one worker per mounted panel, a request only
 * when the key (loss text, view, points, σ, ρ) changes. While the next maps are computed, the newest
 * maps stay on screen only if they are of the same loss (a zoom or a σ move never blanks the panel);
 * maps of another loss, or under an error, are never shown.
 */
import { useCallback, useState } from 'react';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { requestOutcome, useLatestRequest } from '../kit/use-latest-request.ts';
import type { ClientCallbacks } from '../kit/use-latest-request.ts';
import { createMapsWorker } from './create-maps-worker.ts';
import { Maps2DClient } from './maps-client.ts';
import type { Maps2DParams, Maps2DUpdate } from './maps-client.ts';

export interface Maps2DState {
  /** 'waiting': held back until the panel is scrolled near (nothing is computed yet). */
  status: 'waiting' | 'computing' | 'ready' | 'error';
  maps: Landscape2D | null;
  error: string | null;
  workerFailure: string | null;
  elapsedMs: number | null;
  where: 'worker' | 'main thread' | null;
  /** While computing: the fraction done and the objective being computed (null before the first report). */
  progress: { fraction: number; stage: string } | null;
}

/** The loss expression a request key was made for. */
function expressionOf(key: string | null): string | null {
  if (key === null) return null;
  const parsed = JSON.parse(key) as Partial<Maps2DParams>;
  return typeof parsed.expression === 'string' ? parsed.expression : null;
}

export function useMaps2D(params: Maps2DParams | null, deferred = false): Maps2DState {
  const [progress, setProgress] = useState<{ key: string; fraction: number; stage: string } | null>(null);
  // Stable for the panel's life (setProgress is), so the client and its worker are created once.
  const createClient = useCallback(
    (callbacks: ClientCallbacks<Maps2DUpdate>) =>
      new Maps2DClient({ createWorker: createMapsWorker, ...callbacks, onProgress: (key, fraction, stage) => setProgress({ key, fraction, stage }) }),
    [],
  );
  const { key, current, lastResult, workerFailure } = useLatestRequest(deferred ? null : params, createClient);
  const outcome = requestOutcome(key, current, null);
  const status = deferred && params !== null ? 'waiting' : outcome.status;
  const sameLoss = lastResult !== null && key !== null && expressionOf(lastResult.key) === expressionOf(key);
  return {
    status,
    maps: status !== 'error' && sameLoss ? lastResult.maps : null,
    // Invalid inputs (no key) are the loss's own error, which the panel says; only the worker's error is this hook's.
    error: key === null ? null : outcome.error,
    workerFailure,
    elapsedMs: outcome.elapsedMs,
    where: outcome.where,
    progress: status === 'computing' && progress !== null && progress.key === key ? { fraction: progress.fraction, stage: progress.stage } : null,
  };
}
