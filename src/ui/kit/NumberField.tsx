import { useState } from 'react';
import type { ParseResult } from '../../state/update.ts';
import { formatInput } from './format.ts';

interface Props {
  id: string;
  /** Accessible name of the input. */
  label: string;
  value: number;
  parse: (text: string) => ParseResult;
  onCommit: (value: number) => void;
  /** Stable hook for tests, e.g. "sigma" gives sigma-input and sigma-error. */
  testId: string;
  className?: string;
}

interface Draft {
  text: string;
  /** The state value this draft belongs to: when the value changes elsewhere the draft is dropped. */
  base: number;
  error: string | null;
}

/**
 * A text field for a number. Valid input is committed as it is typed; invalid input stays in the field
 * with a message and never reaches the state. Typed text is kept while editing (so "0." stays "0.").
 */
export function NumberField({ id, label, value, parse, onCommit, testId, className }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const active = draft !== null && Object.is(draft.base, value) ? draft : null;
  const text = active ? active.text : formatInput(value);
  const error = active?.error ?? null;
  const errorId = `${id}-error`;

  const onChange = (t: string) => {
    const r = parse(t);
    if (r.ok) {
      onCommit(r.value);
      setDraft({ text: t, base: r.value, error: null });
    } else {
      setDraft({ text: t, base: value, error: r.message });
    }
  };

  return (
    <span className={`number-field ${className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        data-testid={`${testId}-input`}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          if (active && active.error === null) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && active && active.error === null) setDraft(null);
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {error !== null && (
        <span id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </span>
  );
}
