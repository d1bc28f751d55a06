import { CommitField } from '../kit/CommitField.tsx';
import { parseFrom, parsePoints, parseTo } from './domain-fields.ts';

interface Props {
  from: number;
  to: number;
  points: number;
  onCommit(domain: { from?: number; to?: number; points?: number }): void;
}

/**
 * The plotted domain of m and the grid size (a million points are allowed: the worker computes them with
 * progress). Fields commit on Enter or blur, so typing "-10" never computes the domain [-1, …] on the way.
 */
export function DomainControls({ from, to, points, onCommit }: Props) {
  return (
    <fieldset className="control domain-control" data-testid="domain-controls">
      <legend className="control-label">
        domain <span className="hint">of m, and grid points (Enter to apply)</span>
      </legend>
      <CommitField label="from" value={from} parse={(t) => parseFrom(t, to)} onCommit={(v) => onCommit({ from: v })} testId="domain-from" />
      <CommitField label="to" value={to} parse={(t) => parseTo(t, from)} onCommit={(v) => onCommit({ to: v })} testId="domain-to" />
      <CommitField label="points" value={points} parse={parsePoints} onCommit={(v) => onCommit({ points: v })} testId="domain-points" />
    </fieldset>
  );
}
