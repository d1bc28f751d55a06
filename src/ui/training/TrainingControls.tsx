/**
 * The training config as controls: data, network, optimizer, schedule and seeds. Every change is a
 * patch through the reducer (which validates it), so what is shown is always a config the worker runs.
 * Hyper-parameters an optimizer does not use are hidden rather than shown inert.
 */
import { memo, useId } from 'react';
import type { ReactNode } from 'react';
import type { OptimizerKind, TrainingConfig } from '../../state/training.ts';
import { OPTIMIZER_KINDS, trainingSchema } from '../../state/training.ts';
import type { Schema } from '../../state/schema-bounds.ts';
import { parseField } from '../../state/update.ts';
import type { ParseResult, TrainingPatch } from '../../state/update.ts';
import { DATASET_KINDS } from '../../train/datasets.ts';
import { RHO_SLIDER } from '../kit/log-scale.ts';
import { LogSlider } from '../kit/LogSlider.tsx';
import { NumberField } from '../kit/NumberField.tsx';
import { HiddenLayersField } from './HiddenLayersField.tsx';
import { OPTIMIZER_LABELS } from './optimizer-labels.ts';

interface Props {
  config: TrainingConfig;
  onPatch: (patch: TrainingPatch) => void;
  onOfficialPreset: () => void;
}

const ACTIVATIONS = ['elu', 'relu', 'tanh'] as const;
const LR_RANGE = { min: 1e-4, max: 1e4, steps: 500 };

/** Each field validates against its own schema bounds (state/training.ts), the reducer's too. */
const F = trainingSchema.shape;
const parser = (field: Schema, name: string) => (t: string) => parseField(t, field, name);
const PARSE = {
  size: parser(F.dataset.shape.size, 'The number of points'),
  noise: parser(F.dataset.shape.noise, 'Noise'),
  testFraction: parser(F.dataset.shape.testFraction, 'The test fraction'),
  labelNoise: parser(F.dataset.shape.labelNoise, 'Label noise'),
  classes: parser(F.dataset.shape.classes, 'The number of classes'),
  learningRate: parser(F.optimizer.shape.learningRate, 'The learning rate'),
  rho: parser(F.optimizer.shape.rho, 'ρ'),
  msharpness: parser(F.optimizer.shape.msharpness, 'K'),
  momentum: parser(F.optimizer.shape.momentum, 'Momentum'),
  weightDecay: parser(F.optimizer.shape.weightDecay, 'δ'),
  epochs: parser(F.epochs, 'Epochs'),
  warmup: parser(F.warmup, 'Warm-up epochs'),
  batchSize: parser(F.batchSize, 'The batch size'),
  seedData: parser(F.seeds.shape.data, 'The data seed'),
  seedInit: parser(F.seeds.shape.init, 'The init seed'),
  seedNoise: parser(F.seeds.shape.noise, 'The noise seed'),
};

function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: ReactNode }) {
  return (
    <div className="train-field">
      <label htmlFor={htmlFor} className="control-label">
        {label} {hint && <span className="hint">{hint}</span>}
      </label>
      {children}
    </div>
  );
}

/** Memoised: the panel re-renders on every progress message, the controls only when the config changes. */
export const TrainingControls = memo(function TrainingControls({ config, onPatch, onOfficialPreset }: Props) {
  const id = useId();
  const { dataset, model, optimizer } = config;
  const custom = dataset.kind === 'custom';
  // Removed points are indices into the generated data: once the data is generated differently they would
  // hit other points, so they are dropped. Added points keep their coordinates and stay.
  const regenerate = (patch: Partial<TrainingConfig['dataset']>): TrainingPatch => ({
    dataset: dataset.removed.length ? { ...patch, removed: [] } : patch,
  });
  const kind = optimizer.kind;
  const usesRho = kind !== 'sgd' && kind !== 'adam';
  const usesMomentum = kind === 'sgd' || kind === 'sam-sgd';
  const num = (
    key: string,
    label: string,
    value: number,
    parse: (t: string) => ParseResult,
    commit: (v: number) => void,
    hint?: string,
  ) => (
    <Field label={label} htmlFor={`${id}-${key}`} hint={hint}>
      <NumberField id={`${id}-${key}`} label={label} value={value} parse={parse} onCommit={commit} testId={`train-${key}`} />
    </Field>
  );

  return (
    <div className="train-controls">
      <button type="button" className="train-preset" data-testid="train-preset-official" onClick={onOfficialPreset}>
        Official bSAM demo
      </button>

      <fieldset className="train-group">
        <legend>Data</legend>
        <Field label="Dataset" htmlFor={`${id}-kind`}>
          <select
            id={`${id}-kind`}
            data-testid="train-dataset"
            value={dataset.kind}
            onChange={(e) => {
              const kind = e.target.value as TrainingConfig['dataset']['kind'];
              // Leaving an import drops its points: the state only carries the data in use.
              onPatch(regenerate(kind === 'custom' ? { kind } : { kind, points: [] }));
            }}
          >
            {DATASET_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
            {custom && <option value="custom">imported ({dataset.points.length} points)</option>}
          </select>
        </Field>
        {!custom &&
          num('size', 'Points', dataset.size, PARSE.size, (v) => onPatch(regenerate({ size: v })))}
        {!custom && num('noise', 'Input noise', dataset.noise, PARSE.noise, (v) => onPatch(regenerate({ noise: v })))}
        {num('test-fraction', 'Test fraction', dataset.testFraction, PARSE.testFraction, (v) =>
          onPatch(regenerate({ testFraction: v })),
        )}
        {num('label-noise', 'Label noise', dataset.labelNoise, PARSE.labelNoise, (v) =>
          onPatch(regenerate({ labelNoise: v })),
        )}
        {!custom &&
          num('classes', 'Classes', dataset.classes, PARSE.classes, (v) =>
            onPatch(regenerate({ classes: v })),
          )}
      </fieldset>

      <fieldset className="train-group">
        <legend>Network</legend>
        <Field label="Hidden layers" htmlFor={`${id}-hidden`} hint="widths">
          <HiddenLayersField id={`${id}-hidden`} value={model.hidden} onCommit={(hidden) => onPatch({ model: { hidden } })} />
        </Field>
        <Field label="Activation" htmlFor={`${id}-activation`}>
          <select
            id={`${id}-activation`}
            data-testid="train-activation"
            value={model.activation}
            onChange={(e) => onPatch({ model: { activation: e.target.value as TrainingConfig['model']['activation'] } })}
          >
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {a.toUpperCase()}
              </option>
            ))}
          </select>
        </Field>
      </fieldset>

      <fieldset className="train-group train-group-wide">
        <legend>Optimizer</legend>
        <Field label="Method" htmlFor={`${id}-optimizer`}>
          <select
            id={`${id}-optimizer`}
            data-testid="train-optimizer"
            value={kind}
            onChange={(e) => onPatch({ optimizer: { kind: e.target.value as OptimizerKind } })}
          >
            {OPTIMIZER_KINDS.map((k) => (
              <option key={k} value={k}>
                {OPTIMIZER_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <LogSlider
          tex={String.raw`\alpha`}
          name="α, learning rate"
          hint="learning rate"
          value={optimizer.learningRate}
          range={LR_RANGE}
          parse={PARSE.learningRate}
          onChange={(v) => onPatch({ optimizer: { learningRate: v } })}
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
            onChange={(v) => onPatch({ optimizer: { rho: v } })}
            testId="train-rho"
          />
        )}
        <div className="train-row">
          {/* m-sharpness (the official --batchsplit): SAM and bSAM alike perturb each of K sub-batches on its own. */}
          {usesRho &&
            num('msharpness', 'K', optimizer.msharpness, PARSE.msharpness, (v) => onPatch({ optimizer: { msharpness: v } }), 'm-sharpness')}
          {usesMomentum &&
            num('momentum', 'Momentum', optimizer.momentum, PARSE.momentum, (v) =>
              onPatch({ optimizer: { momentum: v } }),
            )}
          {num('weight-decay', 'δ', optimizer.weightDecay, PARSE.weightDecay, (v) => onPatch({ optimizer: { weightDecay: v } }), 'weight decay')}
        </div>
      </fieldset>

      <fieldset className="train-group">
        <legend>Schedule</legend>
        <Field label="Learning rate" htmlFor={`${id}-schedule`}>
          <select
            id={`${id}-schedule`}
            data-testid="train-schedule"
            value={config.schedule}
            onChange={(e) => onPatch({ schedule: e.target.value as TrainingConfig['schedule'] })}
          >
            <option value="cosine">cosine decay</option>
            <option value="warmup-cosine">warm-up + cosine (official train.py)</option>
            <option value="constant">constant</option>
          </select>
        </Field>
        {config.schedule === 'warmup-cosine' && num('warmup', 'Warm-up epochs', config.warmup, PARSE.warmup, (v) => onPatch({ warmup: v }), 'linear, then cosine')}
        {num('epochs', 'Epochs', config.epochs, PARSE.epochs, (v) => onPatch({ epochs: v }))}
        {num('batch', 'Batch size', config.batchSize, PARSE.batchSize, (v) => onPatch({ batchSize: v }))}
      </fieldset>

      <fieldset className="train-group">
        <legend>Seeds</legend>
        {num('seed-data', 'Data seed', config.seeds.data, PARSE.seedData, (v) =>
          onPatch({ ...regenerate({}), seeds: { data: v } }),
        )}
        {num('seed-init', 'Init seed', config.seeds.init, PARSE.seedInit, (v) => onPatch({ seeds: { init: v } }))}
        {num('seed-noise', 'Noise seed', config.seeds.noise, PARSE.seedNoise, (v) => onPatch({ seeds: { noise: v } }))}
      </fieldset>
    </div>
  );
});
