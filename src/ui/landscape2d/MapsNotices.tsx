/** Under the maps: errors (loss, maps, paths), a worker that failed, and warnings (the maps', diverged paths). */

interface Props {
  errors: readonly string[];
  workerFailure: string | null;
  warnings: readonly string[];
  diverged: readonly string[];
}

export function MapsNotices({ errors, workerFailure, warnings, diverged }: Props) {
  return (
    <>
      {errors.length > 0 && (
        <ul className="landscape2d-errors" data-testid="landscape2d-errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {workerFailure && (
        <p className="landscape2d-warning" role="alert" data-testid="landscape2d-worker-failure">
          {workerFailure}
        </p>
      )}
      {(warnings.length > 0 || diverged.length > 0) && (
        <ul className="landscape2d-warnings" data-testid="landscape2d-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
          {diverged.length > 0 && <li>{diverged.join(', ')} diverged (a non-finite loss or step): try a smaller step size α.</li>}
        </ul>
      )}
    </>
  );
}
