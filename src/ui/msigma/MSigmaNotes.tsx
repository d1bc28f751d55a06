interface Props {
  error: string | null;
  workerFailure: string | null;
  /** The gap is zero on the whole grid. */
  tight: boolean;
  /** Cells without a finite value, said in words (non-finite-notes.ts). */
  notes: readonly string[];
  gridWarnings: readonly string[];
}

/** What went wrong, what the map cannot show, and what its values mean when they are all equal. */
export function MSigmaNotes({ error, workerFailure, tight, notes, gridWarnings }: Props) {
  return (
    <>
      {error && (
        <p data-testid="msigma-error" role="alert" style={{ color: '#b00020', margin: 0, fontSize: 13 }}>
          {error}
        </p>
      )}
      {workerFailure && (
        <p data-testid="msigma-worker-failure" role="alert" style={{ color: '#8a5a00', margin: 0, fontSize: 13 }}>
          {workerFailure}
        </p>
      )}
      {tight && <p style={{ margin: 0, fontSize: 13 }}>B = E on the whole grid: the relaxation is tight here (as for any quadratic loss).</p>}
      {(notes.length > 0 || gridWarnings.length > 0) && (
        <ul data-testid="msigma-warnings" style={{ margin: 0, paddingLeft: 18, fontSize: 12, color: '#8a5a00' }}>
          {notes.map((w) => (
            <li key={w}>{w}</li>
          ))}
          {gridWarnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}
