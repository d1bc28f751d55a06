/**
 * React binding of Maps2DClient: one worker per mounted panel, a request only when the key (loss text,
 * view, points, σ, ρ) changes. The newest maps stay on screen while the next ones are computed, so a
 * zoom, a slider move or an invalid draft never blanks the panel.
 */
import { useEffect, useRef, useState } from 'react';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { createMapsWorker } from './createMapsWorker.ts';
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

export function useMaps2D(params: Maps2DParams | null): Maps2DState {
  const key = params ? JSON.stringify(params) : null;
  const clientRef = useRef<Maps2DClient | null>(null);
  const [lastResult, setLastResult] = useState<Extract<Maps2DUpdate, { kind: 'result' }> | null>(null);
  const [lastUpdate, setLastUpdate] = useState<Maps2DUpdate | null>(null);
  const [workerFailure, setWorkerFailure] = useState<string | null>(null);

  useEffect(() => {
    const client = new Maps2DClient({
      createWorker: createMapsWorker,
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

  useEffect(() => {
    if (key === null) return;
    clientRef.current?.schedule(key, JSON.parse(key) as Maps2DParams);
  }, [key]);

  const current = lastUpdate !== null && lastUpdate.key === key ? lastUpdate : null;
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
