/**
 * React binding of LandscapeClient: one worker per mounted panel, recomputation only when the
 * request key changes. Status is derived (the last answer is for the current key or not), so no
 * state is set synchronously inside effects.
 */
import { useEffect, useRef, useState } from 'react';
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';
import { createLandscapeWorker } from './createLandscapeWorker.ts';
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

/** `params` null means the inputs are invalid; `invalidReason` then explains why. */
export function useMSigmaGrid(params: GridParams | null, invalidReason: string | null): GridState {
  const key = params ? JSON.stringify(params) : null;
  const clientRef = useRef<LandscapeClient | null>(null);
  const [lastResult, setLastResult] = useState<Extract<GridUpdate, { kind: 'result' }> | null>(null);
  const [lastUpdate, setLastUpdate] = useState<GridUpdate | null>(null);
  const [workerFailure, setWorkerFailure] = useState<string | null>(null);

  useEffect(() => {
    const client = new LandscapeClient({
      createWorker: createLandscapeWorker,
      onUpdate: (update) => {
        setLastUpdate(update);
        if (update.kind === 'result') setLastResult(update);
      },
      onWorkerFailure: setWorkerFailure,
    });
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  // Keyed on the serialised request only: moving the crosshair does not change it.
  useEffect(() => {
    if (key === null) return;
    clientRef.current?.schedule(key, JSON.parse(key) as GridParams);
  }, [key]);

  const current = lastUpdate !== null && lastUpdate.key === key ? lastUpdate : null;
  let status: GridStatus;
  let error: string | null = null;
  if (key === null) {
    status = 'error';
    error = invalidReason ?? 'Invalid inputs.';
  } else if (current === null) status = 'computing';
  else if (current.kind === 'error') {
    status = 'error';
    error = current.message;
  } else status = 'ready';
  return {
    status,
    grid: lastResult?.grid ?? null,
    error,
    workerFailure,
    elapsedMs: current?.kind === 'result' ? current.elapsedMs : null,
    where: current?.kind === 'result' ? current.where : null,
  };
}
