/**
 * A number field that commits on Enter or when focus leaves it, never per keystroke: what is typed stays
 * as typed, a bad value keeps the old setting and says why beside the field, and Escape drops the edit.
 */
import { useId, useState } from 'react';
import type { ParseResult } from '../../state/update.ts';
import { formatInput } from './format.ts';

interface Props {
  label: string;
  value: number;
  parse(text: string): ParseResult;
  onCommit(value: number): void;
  disabled?: boolean;
  testId: string;
}

export function CommitField({ label, value, parse, onCommit, disabled, testId }: Props) {
  // Used where a keystroke's intermediate value would be costly or invalid (a domain's "-1" on the way to "-10").
  const errorId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const r = parse(draft);
    if (r.ok) {
      onCommit(r.value);
      setDraft(null);
      setError(null);
    } else setError(r.message);
  };
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={draft ?? formatInput(value)}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error !== null && (
        <span id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </label>
  );
}
