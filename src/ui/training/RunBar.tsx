/**
 * Run controls and run status: play/pause, one step, reset, speed, the backend choice beside the
 * backend actually in use (and why), and a status line with step, epoch, speed and why the run last paused
 * by itself. A finished run cannot play or step: RunFinished offers extra epochs or a restart instead.
 */
import { useId } from 'react';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import { BACKEND_CHOICES } from '../../worker/train-protocol.ts';
import type { PauseReason } from '../../worker/train-protocol.ts';
import { SLOW_PACE_SPEED } from '../kit/pace.ts';
import type { TrainingView } from './training-client.ts';

interface Props {
  view: TrainingView;
  epochs: number;
  backend: BackendChoice;
  onBackend: (backend: BackendChoice) => void;
  speed: number;
  /** The classroom's slow pace is on: the speed below is not used until it is off. */
  slowPace: boolean;
  onSpeed: (stepsPerTick: number) => void;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
}

const BACKEND_LABELS: Record<BackendChoice, string> = { auto: 'auto (fastest)', fused: 'fused CPU (WebAssembly SIMD)', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly (tfjs)', cpu: 'CPU' };
/** Most steps the worker runs between yields; it also stops a chunk after ~30 ms, so 1000 is "as fast as possible". */
export const SPEEDS = [1, 10, 100, 1000] as const;
const SPEED_LABELS: Record<(typeof SPEEDS)[number], string> = { 1: 'slow (1 step/tick)', 10: '10 steps/tick', 100: '100 steps/tick', 1000: 'fastest' };


const STATUS_LABELS: Record<TrainingView['status'], string> = {
  idle: 'building the run…',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  diverged: 'diverged',
  error: 'error',
};

/** Why the run paused by itself, in words: nobody is told "as asked" for a pause they did not ask for. */
export function pauseReasonText(stopped: { step: number; reason: PauseReason }, epoch: number): string {
  switch (stopped.reason) {
    case 'pause-at':
      return `paused at step ${stopped.step}, as set in “Pause at step”`;
    case 'end-of-run':
      return `stopped at step ${stopped.step}: the run's ${epoch} epochs are done`;
    case 'extra-epochs-done':
      return `stopped at step ${stopped.step}: the extra epochs are done (epoch ${epoch})`;
  }
}

export function RunBar({ view, epochs, backend, onBackend, speed, slowPace, onSpeed, onPlay, onPause, onStep, onReset }: Props) {
  const id = useId();
  const { status } = view;
  const running = status === 'running';
  const info = view.backend;
  const rate = view.stepsPerSecond;
  return (
    <div className="train-runbar">
      <div className="train-buttons">
        <button
          type="button"
          className="train-button train-play"
          data-testid="train-play"
          aria-pressed={running}
          disabled={!(running || status === 'paused')}
          title={status === 'finished' ? 'The run is finished: train more epochs at the final rate, or restart.' : undefined}
          onClick={running ? onPause : onPlay}
        >
          {running ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" className="train-button" data-testid="train-step" disabled={status !== 'paused'} onClick={onStep}>
          Step
        </button>
        <button type="button" className="train-button" data-testid="train-reset" disabled={status === 'idle'} onClick={onReset}>
          Reset
        </button>
        <label className="train-inline">
          Speed
          <select
            data-testid="train-speed"
            value={speed}
            disabled={slowPace}
            title={slowPace ? 'The guided tour’s slow pace is on: set the pace back to normal in the tour bar to use this.' : undefined}
            onChange={(e) => onSpeed(Number(e.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {SPEED_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {slowPace && (
          <span className="train-muted" data-testid="train-pace">
            slow pace: about {Math.round(1000 / SLOW_PACE_SPEED.intervalMs)} steps/s
          </span>
        )}
      </div>

      <div className="train-backend-row">
        <label
          className="train-inline"
          htmlFor={`${id}-backend`}
          data-testid="train-backend"
          data-active={info?.active ?? ''}
          data-requested={backend}
        >
          Backend
        </label>
        <select id={`${id}-backend`} data-testid="train-backend-select" value={backend} onChange={(e) => onBackend(e.target.value as BackendChoice)}>
          {BACKEND_CHOICES.map((b) => (
            <option key={b} value={b}>
              {BACKEND_LABELS[b]}
            </option>
          ))}
        </select>
        <span className="train-backend-active" data-testid="train-backend-active" title={info?.reason}>
          {info ? (
            <>
              using <strong>{BACKEND_LABELS[info.active]}</strong>
              {info.reason && <span className="train-muted"> — {info.reason}</span>}
            </>
          ) : (
            <span className="train-muted">starting…</span>
          )}
        </span>
      </div>

      <p className="train-status" role="status" data-testid="train-status">
        <span className={`train-status-dot is-${status}`} aria-hidden="true" />
        <strong>{STATUS_LABELS[status]}</strong>
        <span>step {view.step}</span>
        <span>
          epoch {view.epoch} / {view.endEpoch || epochs}
        </span>
        <span>{rate !== null && running ? `${rate >= 100 ? Math.round(rate) : rate.toPrecision(2)} steps/s` : '—'}</span>
        {view.stopped !== null && (status === 'paused' || status === 'finished') && (
          <span data-testid="train-stopped-at" data-reason={view.stopped.reason}>
            {pauseReasonText(view.stopped, view.epoch)}
          </span>
        )}
      </p>
    </div>
  );
}
