import type { PauseReason } from '../../worker/train-protocol.ts';
import type { TrainingView } from './training-client.ts';

interface Props {
  view: TrainingView;
  /** The config's epochs, shown until the worker reports the run's end epoch. */
  epochs: number;
}

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

/** The run's status line: state, step, epoch, speed, and why the run last paused by itself. */
export function RunStatusLine({ view, epochs }: Props) {
  const { status } = view;
  const rate = view.stepsPerSecond;
  return (
    <p className="train-status" role="status" data-testid="train-status">
      <span className={`train-status-dot is-${status}`} aria-hidden="true" />
      <strong>{STATUS_LABELS[status]}</strong>
      <span>step {view.step}</span>
      <span>
        epoch {view.epoch} / {view.endEpoch || epochs}
      </span>
      <span>{rate !== null && status === 'running' ? `${rate >= 100 ? Math.round(rate) : rate.toPrecision(2)} steps/s` : '—'}</span>
      {view.stopped !== null && (status === 'paused' || status === 'finished') && (
        <span data-testid="train-stopped-at" data-reason={view.stopped.reason}>
          {pauseReasonText(view.stopped, view.epoch)}
        </span>
      )}
    </p>
  );
}
