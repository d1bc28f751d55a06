import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ExpressionError } from '../../math/expression.ts';
import { ExpressionErrorView } from './ExpressionErrorView.tsx';

interface Preset {
  id: string;
  name: string;
  description: string;
}

interface Props {
  className: string;
  legend: ReactNode;
  presets: readonly Preset[];
  /** The preset that is plotted, if any (undefined for a custom expression). */
  preset: Preset | undefined;
  /** Whether the plotted loss is a custom expression; the "Custom expression" option is only selectable then. */
  isExpression: boolean;
  /** Source text of the plotted loss. */
  sourceText: string | null;
  compile: (text: string) => { ok: true } | { ok: false; error: ExpressionError };
  expressionLabel: ReactNode;
  hint: ReactNode;
  presetTestId: string;
  expressionTestId: string;
  onPreset: (id: string) => void;
  /** Called only with text that compiles. */
  onExpression: (text: string) => void;
}

const CUSTOM = '__custom__';

/**
 * Preset select and expression field, shared by the 1-D and 2-D panels. The field compiles as you type:
 * valid text replaces the loss at once, invalid text stays in the field with its error and the last
 * valid loss stays on screen.
 */
export function PresetExpressionControls(props: Props) {
  const { presets, preset, onPreset, onExpression } = props;
  const id = useId();
  // Only an invalid draft is kept here; otherwise the field shows the state's loss.
  const [invalid, setInvalid] = useState<{ text: string; error: ExpressionError } | null>(null);
  const text = invalid?.text ?? props.sourceText ?? '';

  const onText = (t: string) => {
    const r = props.compile(t);
    if (r.ok) {
      setInvalid(null);
      onExpression(t);
    } else {
      setInvalid({ text: t, error: r.error });
    }
  };

  return (
    <fieldset className={`control ${props.className}`}>
      <legend className="control-label">{props.legend}</legend>
      <label htmlFor={`${id}-preset`} className="sub-label">
        Preset
      </label>
      <select
        id={`${id}-preset`}
        data-testid={props.presetTestId}
        value={preset ? preset.id : CUSTOM}
        onChange={(e) => {
          if (e.target.value === CUSTOM) return;
          setInvalid(null);
          onPreset(e.target.value);
        }}
      >
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value={CUSTOM} disabled={!props.isExpression}>
          Custom expression
        </option>
      </select>
      {preset?.description ? <p className="preset-description">{preset.description}</p> : null}
      <label htmlFor={`${id}-expr`} className="sub-label">
        {props.expressionLabel}
      </label>
      <input
        id={`${id}-expr`}
        className="expression-input"
        type="text"
        spellCheck={false}
        autoComplete="off"
        data-testid={props.expressionTestId}
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
          {props.hint}
        </p>
      )}
    </fieldset>
  );
}
