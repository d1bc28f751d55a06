/** The network: hidden-layer widths and the activation. */
import { useId } from 'react';
import type { TrainingConfig } from '../../../state/training.ts';
import type { TrainingPatch } from '../../../state/update.ts';
import { HiddenLayersField } from '../HiddenLayersField.tsx';
import { TrainField } from './TrainField.tsx';

const ACTIVATIONS = ['elu', 'relu', 'tanh'] as const;
type Model = TrainingConfig['model'];

export function NetworkFieldset({ model, onPatch }: { model: Model; onPatch: (patch: TrainingPatch) => void }) {
  const id = useId();
  return (
    <fieldset className="train-group">
      <legend>Network</legend>
      <TrainField label="Hidden layers" htmlFor={`${id}-hidden`} hint="widths">
        <HiddenLayersField id={`${id}-hidden`} value={model.hidden} onCommit={(hidden) => onPatch({ model: { hidden } })} />
      </TrainField>
      <TrainField label="Activation" htmlFor={`${id}-activation`}>
        <select
          id={`${id}-activation`}
          data-testid="train-activation"
          value={model.activation}
          onChange={(e) => onPatch({ model: { activation: e.target.value as Model['activation'] } })}
        >
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {a.toUpperCase()}
            </option>
          ))}
        </select>
      </TrainField>
    </fieldset>
  );
}
