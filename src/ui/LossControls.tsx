import { useId, useState } from 'react';
import type { ExpressionError } from '../math/expression.ts';
import { compileExpression } from '../math/expression.ts';
import { LOSS_PRESETS, findPreset } from '../math/presets.ts';
import type { LossSpec } from '../state/experiment.ts';
import { lossSourceText } from '../state/update.ts';
import { ExpressionErrorView } from './ExpressionErrorView.tsx';

interface Props {
  spec: LossSpec;
  onPreset: (id: string) => void;
  /** Called only with text that compiles. */
  onExpression: (text: string) => void;
}

const CUSTOM = '__custom__';

/**
 * Preset select and expression field. The field compiles as you type: valid text replaces the loss at
 * once, invalid text stays in the field with its error and the last valid loss stays on screen.
 */
export function LossControls({ spec, onPreset, onExpression }: Props) {
  const id = useId();
  // Only an invalid draft is kept here; otherwise the field shows the state's loss.
  const [invalid, setInvalid] = useState<{ text: string; error: ExpressionError } | null>(null);
  const text = invalid?.text ?? lossSourceText(spec) ?? '';
  const preset = spec.kind === 'preset' ? findPreset(spec.id) : undefined;

  const onText = (t: string) => {
    const r = compileExpression(t, ['theta']);
    if (r.ok) {
      setInvalid(null);
      onExpression(t);
    } else {
      setInvalid({ text: t, error: r.error });
    }
  };

  return (
    <fieldset className="control loss-controls">
      <legend className="control-label">Loss ℓ(θ)</legend>
      <label htmlFor={`${id}-preset`} className="sub-label">
        Preset
      </label>
      <select
        id={`${id}-preset`}
        data-testid="preset-select"
        value={preset ? preset.id : CUSTOM}
        onChange={(e) => {
          if (e.target.value === CUSTOM) return;
          setInvalid(null);
          onPreset(e.target.value);
        }}
      >
        {LOSS_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value={CUSTOM} disabled={spec.kind !== 'expression'}>
          Custom expression
        </option>
      </select>
      {preset?.description ? <p className="preset-description">{preset.description}</p> : null}
      <label htmlFor={`${id}-expr`} className="sub-label">
        Expression in <code>theta</code>
      </label>
      <input
        id={`${id}-expr`}
        className="expression-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        data-testid="expression-input"
        aria-invalid={invalid !== null}
        aria-describedby={invalid ? `${id}-expr-error` : `${id}-expr-help`}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => {
          // Escape abandons an invalid draft and shows the loss that is plotted.
          if (e.key === 'Escape') setInvalid(null);
        }}
      />
      {invalid ? (
        <ExpressionErrorView id={`${id}-expr-error`} text={invalid.text} error={invalid.error} />
      ) : (
        <p id={`${id}-expr-help`} className="hint">
          e.g. <code>0.5*theta^2 + 0.1*sin(6*theta)</code>; functions exp, log, sin, cos, tanh, abs, sqrt, pow, min, max.
        </p>
      )}
    </fieldset>
  );
}
