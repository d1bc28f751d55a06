/**
 * React binding of TrainingClient: one training worker per mounted panel. The run is rebuilt (init)
 * whenever the config or the backend choice changes, debounced so that dragging a slider or typing a
 * number rebuilds once, not on every intermediate value.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrainingConfig } from '../../state/training.ts';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import { createTrainWorker } from './create-train-worker.ts';
import { INITIAL_VIEW, TrainingClient } from './training-client.ts';
import type { TrainingView } from './training-client.ts';
import type { WorkerLike } from '../kit/worker-client.ts';
import type { TrainRequest } from '../../worker/train-protocol.ts';
import type { NetworkSnapshot } from '../../train/slice/snapshot.ts';

const INIT_DEBOUNCE_MS = 200;

export interface TrainingControls {
  view: TrainingView;
  play(): void;
  pause(): void;
  /** Train a finished run this many more epochs at the schedule's final rate. */
  extend(epochs: number): void;
  step(): void;
  reset(): void;
  setSpeed(stepsPerTick: number, intervalMs?: number): void;
  /** A copy of the live network, for the slice panel. */
  snapshot(): Promise<NetworkSnapshot>;
}

export function useTrainingWorker(
  config: TrainingConfig,
  backend: BackendChoice,
  createWorker: () => WorkerLike<TrainRequest> = createTrainWorker,
): TrainingControls {
  const [view, setView] = useState<TrainingView>(INITIAL_VIEW);
  const clientRef = useRef<TrainingClient | null>(null);
  const initialised = useRef(false);

  useEffect(() => {
    // A transition: progress arrives ~15 times a second and re-renders the whole panel (charts, 20 sample
    // boundaries); as a transition React renders it in slices that yield to input and frames, instead of one
    // main-thread task that reached 50–70 ms while training (the bench's long-task count).
    const client = new TrainingClient({ createWorker, onChange: (v) => startTransition(() => setView(v)) });
    clientRef.current = client;
    initialised.current = false;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, [createWorker]);

  // The reducer returns the same config object when nothing changed, but a key also survives
  // equal configs rebuilt elsewhere (e.g. a preset that matches the current settings). The stop step is
  // left out: changing it must not rebuild the run (it is sent on its own below). Memoised, because an
  // imported dataset makes the config large and the panel re-renders on every progress message.
  const key = useMemo(() => `${backend}|${JSON.stringify({ ...config, stopAt: null })}`, [backend, config]);
  const latest = useRef({ config, backend });
  useEffect(() => {
    latest.current = { config, backend };
  });
  // The key of the config the worker's run was last built for: until the debounced init goes out, the
  // run on screen belongs to older settings, so the panel says 'idle' and offers no play.
  const [sentKey, setSentKey] = useState<string | null>(null);
  useEffect(() => {
    const send = () => {
      clientRef.current?.init(latest.current.config, latest.current.backend);
      setSentKey(key);
    };
    // The first run starts at once; later changes wait for the input to settle.
    if (!initialised.current) {
      initialised.current = true;
      send();
      return undefined;
    }
    const timer = setTimeout(send, INIT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, createWorker]);
  useEffect(() => {
    clientRef.current?.setStopAt(config.stopAt);
  }, [config.stopAt, createWorker]);
  const shown: TrainingView = sentKey === key || view.status === 'error' ? view : { ...view, status: 'idle' };

  const play = useCallback(() => clientRef.current?.play(), []);
  const pause = useCallback(() => clientRef.current?.pause(), []);
  const extend = useCallback((epochs: number) => clientRef.current?.extend(epochs), []);
  const step = useCallback(() => clientRef.current?.step(), []);
  const reset = useCallback(() => clientRef.current?.reset(), []);
  const setSpeed = useCallback((n: number, intervalMs?: number) => clientRef.current?.setSpeed(n, intervalMs), []);
  const snapshot = useCallback(() => clientRef.current?.snapshot() ?? Promise.reject(new Error('the training worker is not running')), []);
  return { view: shown, play, pause, extend, step, reset, setSpeed, snapshot };
}
