import { useId } from 'react';
import { msigmaSchema } from '../../state/experiment.ts';
import type { MSigmaState } from '../../state/experiment.ts';
import { parseField } from '../../state/update.ts';
import type { ParseResult } from '../../state/update.ts';
import { formatInput } from '../kit/format.ts';
import { NumberField } from '../kit/NumberField.tsx';

/** A bound of the σ range: the schema's range for the field, and the other end it must stay on the right side of. */
function parseEnd(text: string, end: 'sigmaFrom' | 'sigmaTo', other: number): ParseResult {
  const name = end === 'sigmaFrom' ? 'σ from' : 'σ to';
  const r = parseField(text, msigmaSchema.shape[end], name);
  if (!r.ok) return r;
  if (end === 'sigmaFrom' && !(r.value < other)) return { ok: false, message: `σ from must be less than σ to (${formatInput(other)}).` };
  if (end === 'sigmaTo' && !(r.value > other)) return { ok: false, message: `σ to must be greater than σ from (${formatInput(other)}).` };
  return r;
}

/** The heatmap's σ range, validated against the schema and each other, committed as typed when valid. */
export function SigmaRangeFields({ sigmaFrom, sigmaTo, onChange }: { sigmaFrom: number; sigmaTo: number; onChange: (patch: Partial<MSigmaState>) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-from`} className="msigma-range-field">
        σ from
      </label>
      <NumberField
        id={`${id}-from`}
        label="σ from"
        testId="msigma-sigma-from"
        className="compact"
        value={sigmaFrom}
        parse={(t) => parseEnd(t, 'sigmaFrom', sigmaTo)}
        onCommit={(v) => onChange({ sigmaFrom: v })}
      />
      <label htmlFor={`${id}-to`} className="msigma-range-field">
        to
      </label>
      <NumberField
        id={`${id}-to`}
        label="σ to"
        testId="msigma-sigma-to"
        className="compact"
        value={sigmaTo}
        parse={(t) => parseEnd(t, 'sigmaTo', sigmaFrom)}
        onCommit={(v) => onChange({ sigmaTo: v })}
      />
    </>
  );
}
