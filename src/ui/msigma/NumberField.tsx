import { useId, useState } from 'react';

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
 * intermediate "0." does not snap back; an invalid value is explained beside the field, and the
 * field shows the state's value again on blur.
 */
export function NumberField({ label, value, validate, onCommit, testId }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text);
  const problem = text.trim() === '' || !Number.isFinite(parsed) ? 'Enter a number.' : validate(parsed);
  const errorId = useId();
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}>
      {label}
      <input
        type="number"
        step="any"
        value={text}
        data-testid={testId}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? errorId : undefined}
        style={{ width: '5.5em', borderColor: problem ? '#c0392b' : undefined }}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const v = Number(next);
          if (next.trim() !== '' && Number.isFinite(v) && validate(v) === null) onCommit(v);
        }}
        onBlur={() => setDraft(null)}
      />
      {/* Said in words, not only by the red border; the map keeps the last valid range meanwhile. */}
      {problem !== null && (
        <span id={errorId} role="alert" data-testid={testId ? `${testId}-error` : undefined} style={{ color: '#b00020', fontSize: 12 }}>
          {problem} The map keeps the last valid value ({value}).
        </span>
      )}
    </label>
  );
}
