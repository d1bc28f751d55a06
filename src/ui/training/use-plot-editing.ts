/** Clicks on the boundary plot edit the data: a click adds a point of the chosen class, a click on a point removes it. */
import { useMemo } from 'react';
import type { TrainingConfig } from '../../state/training.ts';
import type { TrainingPatch } from '../../state/update.ts';
import type { PointOrigin } from '../../train/datasets.ts';
import type { PlotEditing } from './BoundaryPlot.tsx';
import { addPointPatch, removePointPatch } from './point-edits.ts';

export function usePlotEditing(dataset: TrainingConfig['dataset'], chosenClass: number, onPatch: (patch: TrainingPatch) => void): PlotEditing {
  return useMemo<PlotEditing>(
    () => ({
      onAdd: (x: number, y: number) => {
        const patch = addPointPatch(dataset, { x, y, label: chosenClass });
        if (patch) onPatch({ dataset: patch });
      },
      onRemove: (origin: PointOrigin) => {
        const patch = removePointPatch(dataset, origin);
        if (patch) onPatch({ dataset: patch });
      },
    }),
    [dataset, chosenClass, onPatch],
  );
}
