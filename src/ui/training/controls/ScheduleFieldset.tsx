/** The schedule: the learning-rate shape (with the official warm-up), epochs and batch size. */
import { useId } from 'react';
import type { TrainingConfig } from '../../../state/training.ts';
import type { TrainingPatch } from '../../../state/update.ts';
import { PARSE } from './field-parsers.ts';
import { TrainField, TrainNumber } from './TrainField.tsx';

export function ScheduleFieldset({ config, onPatch }: { config: TrainingConfig; onPatch: (patch: TrainingPatch) => void }) {
  const id = useId();
  return (
    <fieldset className="train-group">
      <legend>Schedule</legend>
      <TrainField label="Learning rate" htmlFor={`${id}-schedule`}>
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
      </TrainField>
      {config.schedule === 'warmup-cosine' && (
        <TrainNumber idPrefix={id} name="warmup" label="Warm-up epochs" value={config.warmup} parse={PARSE.warmup} onCommit={(v) => onPatch({ warmup: v })} hint="linear, then cosine" />
      )}
      <TrainNumber idPrefix={id} name="epochs" label="Epochs" value={config.epochs} parse={PARSE.epochs} onCommit={(v) => onPatch({ epochs: v })} />
      <TrainNumber idPrefix={id} name="batch" label="Batch size" value={config.batchSize} parse={PARSE.batchSize} onCommit={(v) => onPatch({ batchSize: v })} />
    </fieldset>
  );
}
