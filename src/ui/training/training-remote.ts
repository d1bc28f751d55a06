/**
 * The smallest link between the keyboard shortcuts (and the tour) and the training panel, which owns
 * the worker: the panel registers its run controls here with one hook call, and the shortcuts call
 * them. A ref, not state, so the panel's frequent re-renders (progress messages) re-render nothing else.
 */
import { createContext, useContext, useEffect } from 'react';
import type { PauseReason } from '../../worker/train-protocol.ts';
import type { TrainStatus } from './training-client.ts';

export interface TrainingRemote {
  status: TrainStatus;
  /** The run's step, and where and why it last paused by itself (the tour bar's finished state reads them). */
  atStep: number;
  stopped: { step: number; reason: PauseReason } | null;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

export interface TrainingRemoteSlot {
  current: TrainingRemote | null;
}

/** Without a provider the slot is a private dummy: the panel works the same, nothing drives it. */
export const TrainingRemoteContext = createContext<TrainingRemoteSlot>({ current: null });

/** What useTrainingWorker returns has this shape; the panel passes its `run` as is. */
export interface RegistrableRun {
  view: { status: TrainStatus; step: number; stopped: { step: number; reason: PauseReason } | null };
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

/** Called by TrainingPanel with its run: `useRegisterTrainingRemote(run);` */
export function useRegisterTrainingRemote(run: RegistrableRun): void {
  const remoteRef = useContext(TrainingRemoteContext);
  const { play, pause, step, reset } = run;
  const { status, step: at, stopped } = run.view;
  useEffect(() => {
    const remote: TrainingRemote = { status, atStep: at, stopped, play, pause, step, reset };
    remoteRef.current = remote;
    return () => {
      if (remoteRef.current === remote) remoteRef.current = null;
    };
  }, [remoteRef, status, at, stopped, play, pause, step, reset]);
}

/** Space: pause a running run, play a paused one; a run still being built is left alone. */
export function togglePlay(remote: TrainingRemote | null): void {
  if (!remote) return;
  if (remote.status === 'running') remote.pause();
  else if (remote.status === 'paused') remote.play();
}
