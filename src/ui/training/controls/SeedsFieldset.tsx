/** The three seeds: data, initial weights, per-step noise. A new data seed regenerates the data. */
import { useId } from 'react';
import type { TrainingConfig } from '../../../state/training.ts';
import type { TrainingPatch } from '../../../state/update.ts';
import { regeneratePatch } from './DataFieldset.tsx';
import { PARSE } from './field-parsers.ts';
import { TrainNumber } from './TrainField.tsx';

export function SeedsFieldset({ config, onPatch }: { config: TrainingConfig; onPatch: (patch: TrainingPatch) => void }) {
  const id = useId();
  const { seeds } = config;
  return (
    <fieldset className="train-group">
      <legend>Seeds</legend>
      <TrainNumber idPrefix={id} name="seed-data" label="Data seed" value={seeds.data} parse={PARSE.seedData} onCommit={(v) => onPatch({ ...regeneratePatch(config.dataset, {}), seeds: { data: v } })} />
      <TrainNumber idPrefix={id} name="seed-init" label="Init seed" value={seeds.init} parse={PARSE.seedInit} onCommit={(v) => onPatch({ seeds: { init: v } })} />
      <TrainNumber idPrefix={id} name="seed-noise" label="Noise seed" value={seeds.noise} parse={PARSE.seedNoise} onCommit={(v) => onPatch({ seeds: { noise: v } })} />
    </fieldset>
  );
}
