import type { LoadState } from './use-experiment-worker.ts';

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The dataset download: bytes and %, then the counts, or plainly what went wrong with a way to retry. */
export function LoadStatus({ load, onRetry }: { load: LoadState; onRetry: () => void }) {
  if (load.status === 'failed')
    return (
      <p className="field-error" role="alert" data-testid="ex-load-error">
        The Fashion-MNIST files could not be loaded: {load.message}{' '}
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </p>
    );
  if (load.status === 'loaded')
    return (
      <p data-testid="ex-load-done">
        Fashion-MNIST loaded: {load.trainImages.toLocaleString('en')} training and {load.testImages.toLocaleString('en')} test images.
      </p>
    );
  return (
    <p data-testid="ex-load-progress">
      <progress max={1} value={load.fraction} aria-label="dataset download" /> Loading Fashion-MNIST: {MB(load.loaded)} of {load.total ? MB(load.total) : '…'} MB (
      {Math.floor(load.fraction * 100)}%)
    </p>
  );
}
