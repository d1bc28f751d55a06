import { useState } from 'react';
import type { TrainingConfig } from '../../state/training.ts';
import type { TrainingPatch } from '../../state/update.ts';
import type { PredictionSource } from './boundary-render.ts';
import type { HeatmapView, PlotEditing } from './BoundaryPlot.tsx';
import { usePlotEditing } from './use-plot-editing.ts';

export interface PlotView {
  heatmap: HeatmapView;
  setHeatmap: (heatmap: HeatmapView) => void;
  source: PredictionSource;
  setSource: (source: PredictionSource) => void;
  /** The class a click on the plot adds (within the data's classes). */
  addClass: number;
  setAddClass: (label: number) => void;
  editing: PlotEditing;
  /** Undo every point added or removed on the plot. */
  clearEdits: () => void;
}

/**
 * How the training plots are drawn (heatmap, which prediction) and the class a click adds: view state, kept
 * in the panel, not in the experiment state. The edits themselves go to the config through onPatch.
 */
export function usePlotView(dataset: TrainingConfig['dataset'], classes: number, onPatch: (patch: TrainingPatch) => void): PlotView {
  const [heatmap, setHeatmap] = useState<HeatmapView>('probability');
  const [source, setSource] = useState<PredictionSource>('averaged');
  const [chosen, setAddClass] = useState(0);
  // A class chosen for a three-class dataset may not exist after a switch to two classes.
  const addClass = Math.min(chosen, classes - 1);
  const editing = usePlotEditing(dataset, addClass, onPatch);
  const clearEdits = () => onPatch({ dataset: { added: [], removed: [] } });
  return { heatmap, setHeatmap, source, setSource, addClass, setAddClass, editing, clearEdits };
}
