/**
 * React binding of Landscape1DClient: one client (one worker) per use, a request only when the
 * serialised params change. The newest answer stays on screen while the next is computed, marked as
 * computing, with the worker's progress.
 */
import { useEffect, useRef, useState } from 'react';
import type { Landscape1D, PointGeometry } from '../../math/landscape1d.types.ts';
import type { ObjectiveName } from '../../math/objectives.ts';
import type { DisplayIndices, NonFiniteCounts } from '../../worker/landscape1d-display.ts';
import type { CurvesRequest, GeometryRequest, Landscape1DRequest } from '../../worker/landscape1d-protocol.ts';
import type { ComputedWhere } from '../kit/worker-client.ts';
import { createLandscape1DWorker } from './create-landscape1d-worker.ts';
import { Landscape1DClient } from './landscape1d-client.ts';
import type { Answer } from './landscape1d-client.ts';

export type CurvesParams = Omit<CurvesRequest, 'id' | 'kind'>;
export type GeometryParams = Omit<GeometryRequest, 'id' | 'kind'>;

export interface Computation<T> {
  status: 'computing' | 'ready' | 'error';
  /** The newest value received (possibly for older params while computing). */
  value: T | null;
  error: string | null;
  progress: { stage: ObjectiveName; fraction: number } | null;
  elapsedMs: number | null;
  where: ComputedWhere | null;
  workerFailure: string | null;
}

interface Keyed<T> {
  key: string;
  value: T | null;
  error: string | null;
  elapsedMs: number | null;
  where: ComputedWhere;
}

function useWorkerComputation<P, T>(
  params: P | null,
  kind: Landscape1DRequest['kind'],
  pick: (answer: Answer) => T | null,
): Computation<T> {
  const key = params ? JSON.stringify(params) : null;
  const clientRef = useRef<Landscape1DClient | null>(null);
  const pickRef = useRef(pick);
  const [answer, setAnswer] = useState<Keyed<T> | null>(null);
  const [lastValue, setLastValue] = useState<T | null>(null);
  const [progress, setProgress] = useState<{ key: string; stage: ObjectiveName; fraction: number } | null>(null);
  const [workerFailure, setWorkerFailure] = useState<string | null>(null);

  useEffect(() => {
    pickRef.current = pick;
  });

  useEffect(() => {
    const client = new Landscape1DClient({
      createWorker: createLandscape1DWorker,
      onAnswer: (k, a, where) => {
        if (a.kind === 'error') setAnswer({ key: k, value: null, error: a.message, elapsedMs: null, where });
        else {
          const value = pickRef.current(a);
          setAnswer({ key: k, value, error: null, elapsedMs: a.elapsedMs, where });
          setLastValue(value);
        }
      },
      onProgress: (k, p) => setProgress({ key: k, stage: p.stage, fraction: p.fraction }),
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
    const p = JSON.parse(key) as P;
    clientRef.current?.schedule(key, (id) => ({ ...p, id, kind }) as unknown as Landscape1DRequest);
  }, [key, kind]);

  const current = answer !== null && answer.key === key ? answer : null;
  const status = current === null ? 'computing' : current.error !== null ? 'error' : 'ready';
  return {
    status: key === null ? 'error' : status,
    value: lastValue,
    error: current?.error ?? null,
    progress: status === 'computing' && progress?.key === key ? { stage: progress.stage, fraction: progress.fraction } : null,
    elapsedMs: current?.elapsedMs ?? null,
    where: current?.where ?? null,
    workerFailure,
  };
}

export interface Curves {
  /** Whole, or thinned to the points the plot needs (worker/landscape1d-display.ts). */
  landscape: Landscape1D;
  display: DisplayIndices;
  counts: NonFiniteCounts;
  /** Points of the full grid. */
  points: number;
}

const pickCurves = (a: Answer): Curves | null => (a.kind === 'curves' ? { landscape: a.landscape, display: a.display, counts: a.counts, points: a.points } : null);
const pickGeometry = (a: Answer): PointGeometry | null => (a.kind === 'geometry' ? a.geometry : null);

/** The five curves, computed in a worker. */
export function useLandscape1D(params: CurvesParams | null): Computation<Curves> {
  return useWorkerComputation(params, 'curves', pickCurves);
}

/** The geometry at m, in a second worker, so dragging m never waits behind a long curve computation. */
export function useGeometry1D(params: GeometryParams | null): Computation<PointGeometry> {
  return useWorkerComputation(params, 'geometry', pickGeometry);
}
