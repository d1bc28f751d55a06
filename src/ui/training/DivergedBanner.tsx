interface Props {
  step: number;
  message: string;
  onReset: () => void;
}

/**
 * Divergence is a result worth showing, not an error to hide: the run stops where the loss left the
 * floats, says why, and offers the one-click way back (same seeds, step 0).
 */
export function DivergedBanner({ step, message, onReset }: Props) {
  return (
    <div className="train-diverged" role="alert" data-testid="train-diverged" data-step={step}>
      <div>
        <strong>Training diverged at step {step}.</strong> <span>{message}</span>
      </div>
      <button type="button" className="train-button" data-testid="train-diverged-reset" onClick={onReset}>
        Reset run
      </button>
    </div>
  );
}
