/**
 * Options of the run that are not hyper-parameters: a second run to compare with (same data and initial
 * weights, another optimizer, side by side), and a step to pause at while playing.
 */
import { useId, useState } from 'react';
import type { OptimizerKind, TrainingConfig } from '../../state/training.ts';
import { OPTIMIZER_KINDS } from '../../state/training.ts';
import type { TrainingPatch } from '../../state/update.ts';
import { OPTIMIZER_LABELS } from './optimizer-labels.ts';
import { parseStopAt } from './stop-at.ts';

interface Props {
  config: TrainingConfig;
  onPatch: (patch: TrainingPatch) => void;
}

/** The natural partner: bSAM against SAM (the paper's comparison), anything else against bSAM. */
export function defaultCompareKind(kind: OptimizerKind): OptimizerKind {
  return kind === 'bsam' ? 'sam-sgd' : 'bsam';
}

function StopAtField({ id, value, onCommit }: { id: string; value: number | null; onCommit: (v: number | null) => void }) {
  const current = value === null ? '' : String(value);
  const [draft, setDraft] = useState<{ text: string; base: string; error: string | null } | null>(null);
  const active = draft !== null && draft.base === current ? draft : null;
  const error = active?.error ?? null;
  return (
    <span className="number-field train-stop-at">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="never"
        data-testid="train-stop-at"
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        value={active ? active.text : current}
        onChange={(e) => {
          const text = e.target.value;
          const r = parseStopAt(text);
          if (r.ok) {
            onCommit(r.value);
            setDraft({ text, base: r.value === null ? '' : String(r.value), error: null });
          } else {
            setDraft({ text, base: current, error: r.message });
          }
        }}
      />
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

export function RunOptions({ config, onPatch }: Props) {
  const id = useId();
  const compare = config.compare;
  return (
    <div className="train-run-options">
      <label className="train-inline">
        <input
          type="checkbox"
          data-testid="train-compare"
          checked={compare !== null}
          onChange={(e) => onPatch({ compare: e.target.checked ? { kind: defaultCompareKind(config.optimizer.kind) } : null })}
        />
        Compare with
      </label>
      <select
        aria-label="Optimizer of the compared run"
        data-testid="train-compare-kind"
        disabled={compare === null}
        value={compare?.kind ?? defaultCompareKind(config.optimizer.kind)}
        onChange={(e) => onPatch({ compare: { kind: e.target.value as OptimizerKind } })}
      >
        {OPTIMIZER_KINDS.map((k) => (
          <option key={k} value={k}>
            {OPTIMIZER_LABELS[k]}
          </option>
        ))}
      </select>
      <label className="train-inline" htmlFor={`${id}-stop`}>
        Pause at step
      </label>
      <StopAtField id={`${id}-stop`} value={config.stopAt} onCommit={(stopAt) => onPatch({ stopAt })} />
    </div>
  );
}
