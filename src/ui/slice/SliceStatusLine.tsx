import type { SliceResult } from '../../train/slice/compute-slice.ts';
import type { SliceStatus } from './use-slice-worker.ts';

interface Props {
  status: SliceStatus;
  /** The slice on screen: the one just finished, or the last finished one. */
  shown: SliceResult | null;
}

/** Under the slice settings: the progress of a slice being computed, a cancel or an error, or what the shown slice is. */
export function SliceStatusLine({ status, shown }: Props) {
  return (
    <div className="slice-status" aria-live="polite">
      {status.kind === 'running' && (
        <>
          <progress max={1} value={status.fraction} aria-label="Slice progress" data-testid="slice-progress" />{' '}
          {Math.round(status.fraction * 100)}%
        </>
      )}
      {status.kind === 'cancelled' && <span>Cancelled; the last finished slice is still shown.</span>}
      {status.kind === 'error' && (
        <span className="slice-error" role="alert">
          {status.message}
        </span>
      )}
      {shown && status.kind !== 'running' && (
        <span data-testid="slice-caption">
          Slice at step {shown.step}
          {shown.expected ? `, expected loss from ${shown.samples} posterior samples` : ', no posterior (not bSAM): no expected loss'}.
        </span>
      )}
    </div>
  );
}
