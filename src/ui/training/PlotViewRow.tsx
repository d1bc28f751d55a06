import type { TrainingConfig } from '../../state/training.ts';
import type { DataSnapshot } from '../../worker/train-protocol.ts';
import { DataEditBar } from './DataEditBar.tsx';
import type { PlotView } from './use-plot-view.ts';
import { ViewControls } from './ViewControls.tsx';

interface Props {
  plotView: PlotView;
  classes: number;
  data: DataSnapshot | null;
  dataset: TrainingConfig['dataset'];
  hasPosterior: boolean;
}

/** The row above the training plots: the data edits (the class a click adds) and how the plots are drawn. */
export function PlotViewRow({ plotView: v, classes, data, dataset, hasPosterior }: Props) {
  return (
    <div className="train-view-row">
      <DataEditBar
        classes={classes}
        addClass={v.addClass}
        onAddClass={v.setAddClass}
        data={data}
        added={dataset.added.length}
        removed={dataset.removed.length}
        onClear={v.clearEdits}
      />
      <ViewControls heatmap={v.heatmap} onHeatmap={v.setHeatmap} source={v.source} onSource={v.setSource} hasPosterior={hasPosterior} />
    </div>
  );
}
