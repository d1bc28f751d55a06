/** What the decision-boundary plot derives from a grid and the data, memoised: frame, scales, picture and points. */
import { useMemo } from 'react';
import type { DataSnapshot, DecisionGrid } from '../../worker/train-protocol.ts';
import { boundaryFrame, boundaryScales } from './boundary-frame.ts';
import { boundaryLines, heat } from './boundary-picture.ts';
import type { HeatmapView } from './boundary-picture.ts';
import type { PredictionSource } from './boundary-render.ts';
import { screenPoints } from './point-edits.ts';

export function useBoundaryModel(grid: DecisionGrid | null, data: DataSnapshot | null, width: number, heatmap: HeatmapView, source: PredictionSource) {
  const frame = useMemo(() => boundaryFrame(grid, width), [grid, width]);
  const scales = useMemo(() => (grid ? boundaryScales(grid, frame) : null), [grid, frame]);
  const train = useMemo(() => data?.train ?? [], [data]);
  const test = useMemo(() => data?.test ?? [], [data]);
  const lines = useMemo(() => (grid ? boundaryLines(grid, source) : null), [grid, source]);
  const picture = useMemo(() => (grid ? heat(grid, heatmap, source) : null), [grid, heatmap, source]);
  const points = useMemo(() => (scales && data ? screenPoints(data, scales.x, scales.y) : []), [scales, data]);
  return { frame, scales, train, test, lines, picture, points };
}
