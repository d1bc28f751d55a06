import { useId, useState } from 'react';
import type { ExpressionError } from '../../math/expression.ts';
import { compileLoss2D, lossSource2D } from '../../math/landscape2d/loss2d.ts';
import { findPreset2D, LOSS_2D_PRESETS } from '../../math/landscape2d/presets2d.ts';
import type { Loss2DSpec } from '../../state/experiment.ts';
import { ExpressionErrorView } from '../ExpressionErrorView.tsx';

interface Props {
  spec: Loss2DSpec;
  onPreset: (id: string) => void;
  /** Called only with text that compiles. */
  onExpression: (text: string) => void;
}

const CUSTOM = '__custom__';

/**
 * Preset select and expression field in x and y, with the 1-D panel's rules: valid text replaces the
 * loss as it is typed; invalid text stays in the field with its error while the last valid maps stay.
 */
export function Loss2DControls({ spec, onPreset, onExpression }: Props) {
  const id = useId();
  const [invalid, setInvalid] = useState<{ text: string; error: ExpressionError } | null>(null);
  const text = invalid?.text ?? lossSource2D(spec) ?? '';
  const preset = spec.kind === 'preset' ? findPreset2D(spec.id) : undefined;

  const onText = (t: string) => {
    const r = compileLoss2D(t);
    if (r.ok) {
      setInvalid(null);
      onExpression(t);
    } else setInvalid({ text: t, error: r.error });
  };

  return (
    <fieldset className="control loss2d-controls">
      <legend className="control-label">Loss ℓ(x, y)</legend>
      <label htmlFor={`${id}-preset`} className="sub-label">
        Preset
      </label>
      <select
        id={`${id}-preset`}
        data-testid="preset2d-select"
        value={preset ? preset.id : CUSTOM}
        onChange={(e) => {
          if (e.target.value === CUSTOM) return;
          setInvalid(null);
          onPreset(e.target.value);
        }}
      >
        {LOSS_2D_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value={CUSTOM} disabled={spec.kind !== 'expression'}>
          Custom expression
        </option>
      </select>
      {preset ? <p className="preset-description">{preset.description}</p> : null}
      <label htmlFor={`${id}-expr`} className="sub-label">
        Expression in <code>x</code> and <code>y</code>
      </label>
      <input
        id={`${id}-expr`}
        className="expression-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        data-testid="expression2d-input"
        aria-invalid={invalid !== null}
        aria-describedby={invalid ? `${id}-expr-error` : `${id}-expr-help`}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setInvalid(null);
        }}
      />
      {invalid ? (
        <ExpressionErrorView id={`${id}-expr-error`} text={invalid.text} error={invalid.error} />
      ) : (
        <p id={`${id}-expr-help`} className="hint">
          e.g. <code>0.5*(x^2 + 4*y^2) + 0.2*sin(5*x)</code>; the same functions as in 1-D.
        </p>
      )}
    </fieldset>
  );
}
