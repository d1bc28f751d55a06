import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  /** Why a value is unacceptable, or null if it is fine. */
  validate: (v: number) => string | null;
  onCommit: (v: number) => void;
  testId?: string;
}

/**
 * A number input that commits only valid values and keeps the typed text while editing, so an
 * intermediate "0." does not snap back; it shows the state's value again on blur.
 */
export function NumberField({ label, value, validate, onCommit, testId }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text);
  const problem = text.trim() === '' || !Number.isFinite(parsed) ? 'Enter a number.' : validate(parsed);
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      {label}
      <input
        type="number"
        step="any"
        value={text}
        data-testid={testId}
        aria-invalid={problem !== null}
        title={problem ?? undefined}
        style={{ width: '5.5em', borderColor: problem ? '#c0392b' : undefined }}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const v = Number(next);
          if (next.trim() !== '' && Number.isFinite(v) && validate(v) === null) onCommit(v);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
