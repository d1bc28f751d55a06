/**
 * The training config as controls: data, network, optimizer, schedule and seeds (one fieldset each, in
 * controls/). Every change is a patch through the reducer (which validates it), so what is shown is always a
 * config the worker runs.
 */
import { memo } from 'react';
import type { TrainingConfig } from '../../state/training.ts';
import type { TrainingPatch } from '../../state/update.ts';
import { DataFieldset } from './controls/DataFieldset.tsx';
import { NetworkFieldset } from './controls/NetworkFieldset.tsx';
import { OptimizerFieldset } from './controls/OptimizerFieldset.tsx';
import { ScheduleFieldset } from './controls/ScheduleFieldset.tsx';
import { SeedsFieldset } from './controls/SeedsFieldset.tsx';

interface Props {
  config: TrainingConfig;
  onPatch: (patch: TrainingPatch) => void;
  onOfficialPreset: () => void;
}

/** Memoised: the panel re-renders on every progress message, the controls only when the config changes. */
export const TrainingControls = memo(function TrainingControls({ config, onPatch, onOfficialPreset }: Props) {
  return (
    <div className="train-controls">
      <button type="button" className="train-preset" data-testid="train-preset-official" onClick={onOfficialPreset}>
        Official bSAM demo
      </button>
      <DataFieldset dataset={config.dataset} onPatch={onPatch} />
      <NetworkFieldset model={config.model} onPatch={onPatch} />
      <OptimizerFieldset optimizer={config.optimizer} onPatch={onPatch} />
      <ScheduleFieldset config={config} onPatch={onPatch} />
      <SeedsFieldset config={config} onPatch={onPatch} />
    </div>
  );
});
