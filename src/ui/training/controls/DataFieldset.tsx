/** The data: a generated 2-D dataset (kind, size, noise, classes) or an imported one, its test split and label noise. */
import { useId } from 'react';
import type { TrainingConfig } from '../../../state/training.ts';
import type { TrainingPatch } from '../../../state/update.ts';
import { DATASET_KINDS } from '../../../train/datasets.ts';
import { PARSE } from './field-parsers.ts';
import { TrainField, TrainNumber } from './TrainField.tsx';

type Dataset = TrainingConfig['dataset'];

/**
 * Removed points are indices into the generated data: once the data is generated differently they would
 * hit other points, so they are dropped. Added points keep their coordinates and stay.
 */
export function regeneratePatch(dataset: Dataset, patch: Partial<Dataset>): TrainingPatch {
  return { dataset: dataset.removed.length ? { ...patch, removed: [] } : patch };
}

export function DataFieldset({ dataset, onPatch }: { dataset: Dataset; onPatch: (patch: TrainingPatch) => void }) {
  const id = useId();
  const custom = dataset.kind === 'custom';
  const regenerate = (patch: Partial<Dataset>) => onPatch(regeneratePatch(dataset, patch));
  return (
    <fieldset className="train-group">
      <legend>Data</legend>
      <TrainField label="Dataset" htmlFor={`${id}-kind`}>
        <select
          id={`${id}-kind`}
          data-testid="train-dataset"
          value={dataset.kind}
          onChange={(e) => {
            const kind = e.target.value as Dataset['kind'];
            // Leaving an import drops its points: the state only carries the data in use.
            regenerate(kind === 'custom' ? { kind } : { kind, points: [] });
          }}
        >
          {DATASET_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
          {custom && <option value="custom">imported ({dataset.points.length} points)</option>}
        </select>
      </TrainField>
      {!custom && <TrainNumber idPrefix={id} name="size" label="Points" value={dataset.size} parse={PARSE.size} onCommit={(v) => regenerate({ size: v })} />}
      {!custom && <TrainNumber idPrefix={id} name="noise" label="Input noise" value={dataset.noise} parse={PARSE.noise} onCommit={(v) => regenerate({ noise: v })} />}
      <TrainNumber idPrefix={id} name="test-fraction" label="Test fraction" value={dataset.testFraction} parse={PARSE.testFraction} onCommit={(v) => regenerate({ testFraction: v })} />
      <TrainNumber idPrefix={id} name="label-noise" label="Label noise" value={dataset.labelNoise} parse={PARSE.labelNoise} onCommit={(v) => regenerate({ labelNoise: v })} />
      {!custom && <TrainNumber idPrefix={id} name="classes" label="Classes" value={dataset.classes} parse={PARSE.classes} onCommit={(v) => regenerate({ classes: v })} />}
    </fieldset>
  );
}
