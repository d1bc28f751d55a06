/** The boundary plot's accessible name: what is drawn, and (when editable) how to edit it. */
import type { PredictionSource } from './boundary-render.ts';
import type { HeatmapView } from './boundary-picture.ts';

export interface DescriptionSpec {
  runLabel: string;
  heatmap: HeatmapView;
  source: PredictionSource;
  trainCount: number;
  testCount: number;
  sampleContours: number;
}

export function boundaryDescription({ runLabel, heatmap, source, trainCount, testCount, sampleContours }: DescriptionSpec): string {
  return `Decision boundary of ${runLabel}: ${
    heatmap === 'entropy' ? 'entropy of the prediction in nats' : 'predictive probability of class 1'
  } over the input plane, ${trainCount} training and ${testCount} test points${
    sampleContours > 0 ? `, the ${source === 'mean' ? 'mean-weights' : 'averaged predictive'} boundary and ${sampleContours} posterior-sample boundaries` : ''
  }.`;
}

export const EDIT_HELP =
  ' Click empty space to add a point of the chosen class, click a point to remove it; from the keyboard, arrow keys move the cross, Enter adds or removes there, Delete removes.';
