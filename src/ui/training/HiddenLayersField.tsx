import { useState } from 'react';
import { formatHidden, parseHidden } from './fields.ts';

interface Props {
  id: string;
  value: readonly number[];
  onCommit: (hidden: number[]) => void;
}

/**
 * The hidden layer widths as one text ("32,32,32,32"), committed as typed when valid. Like NumberField,
 * the draft survives re-renders ("32," stays while typing) and is dropped when the value changes
 * elsewhere (a preset).
 */
export function HiddenLayersField({ id, value, onCommit }: Props) {
  const current = formatHidden(value);
  const [draft, setDraft] = useState<{ text: string; base: string; error: string | null } | null>(null);
  const active = draft !== null && draft.base === current ? draft : null;
  const error = active?.error ?? null;
  return (
    <span className="number-field">
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-label="Hidden layer widths, comma separated"
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        data-testid="train-hidden-input"
        value={active ? active.text : current}
        onChange={(e) => {
          const text = e.target.value;
          const r = parseHidden(text);
          if (r.ok) {
            onCommit(r.value);
            setDraft({ text, base: formatHidden(r.value), error: null });
          } else setDraft({ text, base: current, error: r.message });
        }}
        onBlur={() => {
          if (active && active.error === null) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {error !== null && (
        <span id={`${id}-error`} className="field-error" role="alert" data-testid="train-hidden-error">
          {error}
        </span>
      )}
    </span>
  );
}
