/** The optimizer and its hyper-parameters; those the chosen method does not use are hidden, not shown inert. */
import { useId } from 'react';
import type { OptimizerKind, TrainingConfig } from '../../../state/training.ts';
import { OPTIMIZER_KINDS } from '../../../state/training.ts';
import type { TrainingPatch } from '../../../state/update.ts';
import { RHO_SLIDER } from '../../kit/log-scale.ts';
import { LogSlider } from '../../kit/LogSlider.tsx';
import { OPTIMIZER_LABELS } from '../optimizer-labels.ts';
import { PARSE } from './field-parsers.ts';
import { TrainField, TrainNumber } from './TrainField.tsx';

const LR_RANGE = { min: 1e-4, max: 1e4, steps: 500 };
type Optimizer = TrainingConfig['optimizer'];

export function OptimizerFieldset({ optimizer, onPatch }: { optimizer: Optimizer; onPatch: (patch: TrainingPatch) => void }) {
  const id = useId();
  const kind = optimizer.kind;
  const usesRho = kind !== 'sgd' && kind !== 'adam';
  const usesMomentum = kind === 'sgd' || kind === 'sam-sgd';
  const set = (patch: Partial<Optimizer>) => onPatch({ optimizer: patch });
  return (
    <fieldset className="train-group train-group-wide">
      <legend>Optimizer</legend>
      <TrainField label="Method" htmlFor={`${id}-optimizer`}>
        <select id={`${id}-optimizer`} data-testid="train-optimizer" value={kind} onChange={(e) => set({ kind: e.target.value as OptimizerKind })}>
          {OPTIMIZER_KINDS.map((k) => (
            <option key={k} value={k}>
              {OPTIMIZER_LABELS[k]}
            </option>
          ))}
        </select>
      </TrainField>
      <LogSlider
        tex={String.raw`\alpha`}
        name="α, learning rate"
        hint="learning rate"
        value={optimizer.learningRate}
        range={LR_RANGE}
        parse={PARSE.learningRate}
        onChange={(v) => set({ learningRate: v })}
        testId="train-lr"
      />
      {usesRho && (
        <LogSlider
          tex={String.raw`\rho`}
          name="ρ, perturbation radius"
          hint={kind === 'bsam' ? 'radius (bSAM: ρ·g/s)' : 'SAM radius'}
          value={optimizer.rho}
          range={RHO_SLIDER}
          parse={PARSE.rho}
          onChange={(v) => set({ rho: v })}
          testId="train-rho"
        />
      )}
      <div className="train-row">
        {/* m-sharpness (the official --batchsplit): SAM and bSAM alike perturb each of K sub-batches on its own. */}
        {usesRho && (
          <TrainNumber idPrefix={id} name="msharpness" label="K" value={optimizer.msharpness} parse={PARSE.msharpness} onCommit={(v) => set({ msharpness: v })} hint="m-sharpness" />
        )}
        {usesMomentum && <TrainNumber idPrefix={id} name="momentum" label="Momentum" value={optimizer.momentum} parse={PARSE.momentum} onCommit={(v) => set({ momentum: v })} />}
        <TrainNumber idPrefix={id} name="weight-decay" label="δ" value={optimizer.weightDecay} parse={PARSE.weightDecay} onCommit={(v) => set({ weightDecay: v })} hint="weight decay" />
      </div>
    </fieldset>
  );
}
