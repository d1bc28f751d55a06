import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { formatNumber } from '../kit/format.ts';
import { minimisersAt } from './panel-text.ts';

interface ReadoutProps {
  path: PostedPath | null;
  /** Index of the computed value nearest the current σ or ρ (−1 without a path). */
  near: number;
  symbol: string;
  inRange: boolean;
}

/** Each objective's minimiser at the computed σ (or ρ) nearest the current one. */
export function PathReadout({ path, near, symbol, inRange }: ReadoutProps) {
  return (
    <div data-testid="minimisers-readout" aria-live="polite" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
      {path && near >= 0 && (
        <>
          At the computed {symbol} nearest the current one, {symbol} = {formatNumber(path.values[near])}:{' '}
          {minimisersAt(path, near)}
          {!inRange && ` — the current ${symbol} is outside the plotted range`}
        </>
      )}
    </div>
  );
}

interface NotesProps {
  /** The jumps, said in words; null without a path. */
  jumps: string | null;
  error: string | null;
  workerFailure: string | null;
  warnings: readonly string[];
}

/** The jumps, what went wrong, and the path's warnings. */
export function PathNotes({ jumps, error, workerFailure, warnings }: NotesProps) {
  return (
    <>
      {jumps !== null && (
        <p data-testid="minimisers-jumps" style={{ margin: 0, fontSize: 13 }}>
          {jumps}
        </p>
      )}
      {error && (
        <p data-testid="minimisers-error" role="alert" style={{ color: '#b00020', margin: 0, fontSize: 13 }}>
          {error}
        </p>
      )}
      {workerFailure && (
        <p role="alert" style={{ color: '#8a5a00', margin: 0, fontSize: 13 }}>
          {workerFailure}
        </p>
      )}
      {warnings.length > 0 && (
        <ul data-testid="minimisers-warnings" style={{ margin: 0, paddingLeft: 18, fontSize: 12, color: '#8a5a00' }}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}
