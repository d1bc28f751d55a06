/**
 * React binding of MinimiserClient through useLatestRequest, plus the progress of the newest request
 * (progress for another key is ignored, so a superseded job's count never shows).
 */
import { useState } from 'react';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { requestOutcome, useLatestRequest } from '../kit/use-latest-request.ts';
import type { ClientCallbacks } from '../kit/use-latest-request.ts';
import { createMinimiserWorker } from './create-minimiser-worker.ts';
import { MinimiserClient } from './minimiser-client.ts';
import type { PathParams, PathProgress, PathUpdate } from './minimiser-client.ts';

export interface PathState {
  /** 'waiting': held back until the panel is scrolled near (the inputs are valid, nothing is computed yet). */
  status: 'waiting' | 'computing' | 'ready' | 'error';
  /** The newest path received (possibly for older inputs while computing). */
  path: PostedPath | null;
  error: string | null;
  workerFailure: string | null;
  progress: { done: number; total: number } | null;
  elapsedMs: number | null;
  where: 'worker' | 'main thread' | null;
}

export function useMinimiserPath(params: PathParams | null, invalidReason: string | null, deferred = false): PathState {
  const [progress, setProgress] = useState<PathProgress | null>(null);
  // Stable for the panel's lifetime (useLatestRequest recreates the client when the factory changes).
  const [createClient] = useState(
    () => (callbacks: ClientCallbacks<PathUpdate>) => new MinimiserClient({ createWorker: createMinimiserWorker, onProgress: setProgress, ...callbacks }),
  );
  const { key, current, lastResult, workerFailure } = useLatestRequest(deferred ? null : params, createClient);
  const outcome = requestOutcome(key, current, invalidReason);
  // Deferred with valid inputs: nothing is asked yet, which is neither an error nor computing.
  const waiting = deferred && params !== null;
  const status: PathState['status'] = waiting ? 'waiting' : outcome.status;
  return {
    status,
    path: lastResult?.path ?? null,
    error: waiting ? null : outcome.error,
    workerFailure,
    progress: status === 'computing' && progress && progress.key === key ? { done: progress.done, total: progress.total } : null,
    elapsedMs: outcome.elapsedMs,
    where: outcome.where,
  };
}
