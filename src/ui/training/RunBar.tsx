/**
 * Run controls and run status: play/pause, one step, reset, speed, the backend choice beside the
 * backend actually in use (and why), and a status line with step, epoch, speed and why the run last paused
 * by itself. A finished run cannot play or step: RunFinished offers extra epochs or a restart instead.
 */
import type { BackendChoice } from '../../worker/train-protocol.ts';
import { SLOW_PACE_SPEED } from '../kit/pace.ts';
import { BackendRow } from './BackendRow.tsx';
import { RunStatusLine } from './RunStatusLine.tsx';
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

/** Most steps the worker runs between yields; it also stops a chunk after ~30 ms, so 1000 is "as fast as possible". */
export const SPEEDS = [1, 10, 100, 1000] as const;
const SPEED_LABELS: Record<(typeof SPEEDS)[number], string> = { 1: 'slow (1 step/tick)', 10: '10 steps/tick', 100: '100 steps/tick', 1000: 'fastest' };

export function RunBar({ view, epochs, backend, onBackend, speed, slowPace, onSpeed, onPlay, onPause, onStep, onReset }: Props) {
  const { status } = view;
  const running = status === 'running';
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

      <BackendRow backend={backend} onBackend={onBackend} info={view.backend} />
      <RunStatusLine view={view} epochs={epochs} />
    </div>
  );
}
