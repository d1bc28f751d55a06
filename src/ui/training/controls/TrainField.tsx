/** A labelled training control, and the numeric one every fieldset uses (committed on Enter or blur). */
import type { ReactNode } from 'react';
import type { ParseResult } from '../../../state/update.ts';
import { NumberField } from '../../kit/NumberField.tsx';

export function TrainField({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: ReactNode }) {
  return (
    <div className="train-field">
      <label htmlFor={htmlFor} className="control-label">
        {label} {hint && <span className="hint">{hint}</span>}
      </label>
      {children}
    </div>
  );
}

interface NumProps {
  /** The fieldset's useId prefix; the field's id is `${idPrefix}-${name}`. */
  idPrefix: string;
  /** Names the input (id and test id `train-${name}`). */
  name: string;
  label: string;
  value: number;
  parse: (text: string) => ParseResult;
  onCommit: (value: number) => void;
  hint?: string;
}

export function TrainNumber({ idPrefix, name, label, value, parse, onCommit, hint }: NumProps) {
  const id = `${idPrefix}-${name}`;
  return (
    <TrainField label={label} htmlFor={id} hint={hint}>
      <NumberField id={id} label={label} value={value} parse={parse} onCommit={onCommit} testId={`train-${name}`} />
    </TrainField>
  );
}
