/**
 * React binding of a newest-request-wins worker client (LandscapeClient, Maps2DClient): one client per
 * mounted panel, a request only when the serialised params change. What is on screen is derived (the
 * last answer is for the current key or not), so no state is set synchronously inside effects, and the
 * newest result stays available while the next one is computed.
 */
import { useEffect, useRef, useState } from 'react';
import type { ComputedWhere } from './worker-client.ts';

export interface KeyedUpdate {
  key: string;
  kind: 'result' | 'error';
}

export interface ClientCallbacks<U> {
  onUpdate: (update: U) => void;
  onWorkerFailure: (message: string) => void;
}

export interface KeyedClient<P> {
  schedule(key: string, params: P): void;
  dispose(): void;
}

export interface LatestRequestState<U extends KeyedUpdate> {
  /** The serialised params; null when the inputs are invalid. */
  key: string | null;
  /** The last update, if it answers the current key. */
  current: U | null;
  /** The newest result received (possibly for an older key while computing). */
  lastResult: Extract<U, { kind: 'result' }> | null;
  /** Set once the worker has failed and the main thread is computing instead. */
  workerFailure: string | null;
}

function isResult<U extends KeyedUpdate>(update: U): update is Extract<U, { kind: 'result' }> {
  return update.kind === 'result';
}

/**
 * `createClient` must be stable (a module-level function): the client lives as long as the panel,
 * and a new factory would replace it, worker and all.
 */
export function useLatestRequest<P, U extends KeyedUpdate>(
  params: P | null,
  createClient: (callbacks: ClientCallbacks<U>) => KeyedClient<P>,
): LatestRequestState<U> {
  const key = params ? JSON.stringify(params) : null;
  const clientRef = useRef<KeyedClient<P> | null>(null);
  const [lastResult, setLastResult] = useState<Extract<U, { kind: 'result' }> | null>(null);
  const [lastUpdate, setLastUpdate] = useState<U | null>(null);
  const [workerFailure, setWorkerFailure] = useState<string | null>(null);

  // The client (and its worker) is created with the first request, not at mount: a panel whose inputs
  // are held back (null, e.g. until it is scrolled to) starts no worker.
  useEffect(
    () => () => {
      clientRef.current?.dispose();
      clientRef.current = null;
    },
    [createClient],
  );

  // Keyed on the serialised request only: e.g. moving a crosshair does not change it.
  useEffect(() => {
    if (key === null) return;
    clientRef.current ??= createClient({
      onUpdate: (update) => {
        setLastUpdate(update);
        if (isResult(update)) setLastResult(update);
      },
      onWorkerFailure: setWorkerFailure,
    });
    clientRef.current.schedule(key, JSON.parse(key) as P);
  }, [key, createClient]);

  const current = lastUpdate !== null && lastUpdate.key === key ? lastUpdate : null;
  return { key, current, lastResult, workerFailure };
}

/** What a panel shows of its newest request: its status, the error to say, and where and how fast the answer came. */
export interface RequestOutcome {
  status: 'computing' | 'ready' | 'error';
  error: string | null;
  elapsedMs: number | null;
  where: ComputedWhere | null;
}

/**
 * The outcome of a latest-request state: an error when the inputs are invalid (`key` null, said by
 * `invalidReason`) or the answer is an error; computing until the current key is answered; else ready.
 */
export function requestOutcome(
  key: string | null,
  current: { kind: 'result'; elapsedMs: number; where: ComputedWhere } | { kind: 'error'; message: string } | null,
  invalidReason: string | null,
): RequestOutcome {
  if (key === null) return { status: 'error', error: invalidReason ?? 'Invalid inputs.', elapsedMs: null, where: null };
  if (current === null) return { status: 'computing', error: null, elapsedMs: null, where: null };
  if (current.kind === 'error') return { status: 'error', error: current.message, elapsedMs: null, where: null };
  return { status: 'ready', error: null, elapsedMs: current.elapsedMs, where: current.where };
}
