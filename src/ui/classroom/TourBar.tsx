/**
 * The guided tour's bar, stuck to the bottom of the window: step n of N, its caption, back and forth, the
 * pace of live steps (normal, or slow for a teacher talking over them), and on a step that trains, whether
 * its run is going or done.
 */
import type { Pace } from '../kit/pace.ts';
import type { LiveStepText } from './live-step.ts';
import { TOUR_STEPS } from './tour.ts';

interface Props {
  index: number;
  onGo(index: number): void;
  onEnd(): void;
  pace: Pace;
  onPace(pace: Pace): void;
  /** The run of a step that trains (null on other steps). */
  live: LiveStepText | null;
}

export function TourBar({ index, onGo, onEnd, pace, onPace, live }: Props) {
  const step = TOUR_STEPS[index];
  const last = index === TOUR_STEPS.length - 1;
  return (
    <section className="tour-bar" aria-label="Guided tour" data-testid="tour-bar" data-step={index + 1} data-step-id={step.id}>
      <div className="tour-text" aria-live="polite">
        {/* Count and title share a line, so the bar stays short enough to leave the plot above it readable. */}
        <p className="tour-head">
          <span className="tour-count">
            Step {index + 1} of {TOUR_STEPS.length}
          </span>{' '}
          <span className="tour-title">{step.title}</span>
        </p>
        <p className="tour-caption" data-testid="tour-caption">
          {step.caption}
        </p>
        {live && (
          <p className="tour-live" data-testid="tour-live" data-state={live.state}>
            {live.state === 'finished' ? <strong>{live.text}</strong> : live.text}
          </p>
        )}
      </div>
      <div className="tour-buttons">
        <button
          type="button"
          className="classroom-button"
          data-testid="tour-pace"
          aria-pressed={pace === 'slow'}
          title="The pace of live steps: training runs and the minimiser sweep. Slow: about 15 training steps a second, a sweep in 36 s."
          onClick={() => onPace(pace === 'slow' ? 'normal' : 'slow')}
        >
          Slow pace
        </button>
        <button type="button" className="classroom-button" data-testid="tour-prev" disabled={index === 0} onClick={() => onGo(index - 1)}>
          ← Back
        </button>
        {last ? (
          <button type="button" className="classroom-button is-primary" data-testid="tour-finish" onClick={onEnd}>
            Finish
          </button>
        ) : (
          <button type="button" className="classroom-button is-primary" data-testid="tour-next" onClick={() => onGo(index + 1)}>
            Next →
          </button>
        )}
        <button type="button" className="classroom-button" data-testid="tour-end" aria-label="End the tour" onClick={onEnd}>
          ✕
        </button>
      </div>
    </section>
  );
}
