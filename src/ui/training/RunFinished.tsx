/**
 * A finished run says so, and offers the two ways on: more epochs at the rate the schedule ended on (the
 * schedule is never re-warmed: src/train/schedule.ts), or a restart from step 0 with the same seeds.
 */
import { useId, useState } from 'react';
import { trainingSchema } from '../../state/training.ts';
import { parseField } from '../../state/update.ts';

/** The extra epochs' bounds are the config's own epochs bounds (one source: the schema). */
const EXTRA_EPOCHS = trainingSchema.shape.epochs;
const DEFAULT_EXTRA = 50;

interface Props {
  step: number;
  epoch: number;
  /** The configured epochs (the end of the schedule). */
  epochs: number;
  /** α × the schedule's final factor: the rate extra epochs train at. */
  finalRate: number;
  onExtend: (epochs: number) => void;
  onRestart: () => void;
}

export function RunFinished({ step, epoch, epochs, finalRate, onExtend, onRestart }: Props) {
  const id = useId();
  const [text, setText] = useState(String(DEFAULT_EXTRA));
  const parsed = parseField(text, EXTRA_EPOCHS, 'The number of extra epochs');
  const extended = epoch > epochs;
  return (
    <div className="train-finished" role="status" data-testid="train-finished" data-epoch={epoch} data-step={step}>
      <p>
        <strong>Run finished</strong> at epoch {epoch} (step {step}){extended ? `, ${epoch - epochs} epochs past its schedule's ${epochs}` : ''}.{' '}
        <span className="train-muted">
          Its learning rate ended at {finalRate.toPrecision(3)}; playing on would leave the schedule, so the run stops here.
        </span>
      </p>
      <form
        className="train-finished-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.ok) onExtend(parsed.value);
        }}
      >
        <button type="submit" className="train-button" data-testid="train-extend" disabled={!parsed.ok}>
          Train
        </button>
        <input
          id={`${id}-extra`}
          className="train-extend-input"
          type="text"
          inputMode="numeric"
          aria-label="extra epochs"
          data-testid="train-extend-epochs"
          aria-invalid={!parsed.ok}
          aria-describedby={!parsed.ok ? `${id}-extra-error` : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label htmlFor={`${id}-extra`}>more epochs at the final rate ({finalRate.toPrecision(3)})</label>
        <button type="button" className="train-button" data-testid="train-restart" onClick={onRestart}>
          Restart
        </button>
        {!parsed.ok && (
          <span id={`${id}-extra-error`} className="field-error" role="alert">
            {parsed.message}
          </span>
        )}
      </form>
    </div>
  );
}
