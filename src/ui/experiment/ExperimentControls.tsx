import type { Dispatch } from 'react';
import { experimentPanelSchema, type ExperimentPanelState } from '../../state/fashion-experiment.ts';
import { MODEL_PRESETS } from '../../state/training-presets.ts';
import { OPTIMIZER_KINDS } from '../../state/training.ts';
import type { Action, ExperimentPanelPatch } from '../../state/update.ts';
import { parseField } from '../../state/update.ts';
import { NumberField } from '../kit/NumberField.tsx';
import { EngineSelect } from './EngineSelect.tsx';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';

interface Props {
  ex: ExperimentPanelState;
  dispatch: Dispatch<Action>;
  /** While an experiment trains its settings are fixed (the runs were derived from them). */
  disabled: boolean;
  /** The networks' inputs and outputs when they are not Fashion-MNIST's 784 and 10 (the user's own files). */
  shape?: { inputs: number; classes: number };
}

const FASHION_SHAPE = { inputs: 784, classes: 10 };
const architecture = (hidden: readonly number[], s: { inputs: number; classes: number }) => [s.inputs, ...hidden, s.classes].join('-');

type NumericField = 'size' | 'epochs' | 'seeds' | 'batchSize' | 'predictiveSamples';
const NUMBER_FIELDS: { key: NumericField; label: string }[] = [
  { key: 'size', label: 'Training images (first N)' },
  { key: 'epochs', label: 'Epochs' },
  { key: 'seeds', label: 'Seeds' },
  { key: 'batchSize', label: 'Batch size' },
  { key: 'predictiveSamples', label: 'bSAM samples M' },
];

/** The experiment's settings: every bound comes from the schema (parseField reads it). */
export function ExperimentControls({ ex, dispatch, disabled, shape = FASHION_SHAPE }: Props) {
  const patch = (p: ExperimentPanelPatch) => dispatch({ type: 'patchExperiment', patch: p });
  return (
    <fieldset className="experiment-controls" disabled={disabled}>
      <legend>Settings</legend>
      <div className="experiment-optimizers" role="group" aria-label="Optimizers">
        {OPTIMIZER_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" data-testid={`ex-opt-${k}`} checked={ex.optimizers[k]} onChange={(e) => patch({ optimizers: { [k]: e.target.checked } })} /> {OPTIMIZER_NAMES[k]}
          </label>
        ))}
      </div>
      <label>
        Network{' '}
        <select data-testid="ex-model" value={ex.model} onChange={(e) => patch({ model: e.target.value as ExperimentPanelState['model'] })}>
          <option value="live">live: {architecture(MODEL_PRESETS.live.hidden, shape)}</option>
          <option value="mlp">official mlp: {architecture(MODEL_PRESETS.mlp.hidden, shape)}</option>
        </select>
      </label>
      <EngineSelect engine={ex.engine} onChange={(engine) => patch({ engine })} />
      {NUMBER_FIELDS.map(({ key, label }) => (
        <label key={key} htmlFor={`ex-${key}`}>
          {label}{' '}
          <NumberField
            id={`ex-${key}`}
            label={label}
            testId={`ex-${key}`}
            value={ex[key]}
            parse={(t) => parseField(t, experimentPanelSchema.shape[key], label)}
            onCommit={(v) => patch({ [key]: v })}
          />
        </label>
      ))}
    </fieldset>
  );
}
