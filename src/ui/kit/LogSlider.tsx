import { useId } from 'react';
import type { ParseResult } from '../../state/update.ts';
import { formatInput } from './format.ts';
import type { LogRange } from './log-scale.ts';
import { logStepToValue, valueToLogStep } from './log-scale.ts';
import { NumberField } from './NumberField.tsx';
import { Tex } from './Tex.tsx';

interface Props {
  /** KaTeX symbol shown as the label, e.g. \sigma. */
  tex: string;
  /** Accessible name, e.g. "σ, posterior standard deviation". */
  name: string;
  hint: string;
  value: number;
  range: LogRange;
  parse: (text: string) => ParseResult;
  onChange: (value: number) => void;
  testId: string;
}

/** A log-scale range input with the exact value in a numeric field beside it. */
export function LogSlider({ tex, name, hint, value, range, parse, onChange, testId }: Props) {
  const id = useId();
  return (
    <div className="control log-slider">
      <label htmlFor={`${id}-range`} className="control-label">
        <Tex tex={tex} /> <span className="hint">{hint}</span>
      </label>
      <div className="slider-row">
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={range.steps}
          step={1}
          value={valueToLogStep(value, range)}
          aria-label={`${name} (log scale)`}
          aria-valuetext={formatInput(value)}
          data-testid={`${testId}-range`}
          onChange={(e) => onChange(logStepToValue(Number(e.target.value), range))}
        />
        <NumberField id={`${id}-number`} label={name} value={value} parse={parse} onCommit={onChange} testId={testId} />
      </div>
      <div className="slider-scale" aria-hidden="true">
        <span>{formatInput(range.min)}</span>
        <span>log scale</span>
        <span>{formatInput(range.max)}</span>
      </div>
    </div>
  );
}
