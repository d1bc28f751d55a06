/**
 * The decision-boundary plot, as in the official bSAM demo: the prediction as a heatmap (p(class 1) on a
 * diverging scale, or its entropy in nats), the 0.5 boundary of the shown prediction thick and those of the
 * posterior samples thin, the training points filled and the test points hollow. One canvas, redrawn when a
 * new grid arrives (a few times a second), because the picture streams.
 *
 * When editable, a click on (or near) a point removes it and a click elsewhere adds a point of the chosen
 * class. The same works from the keyboard: focus the plot, move the cross with the arrow keys (Shift: faster),
 * Enter or Space acts at the cross, Delete removes the point under it.
 */
import type { DataSnapshot, DecisionGrid } from '../../worker/train-protocol.ts';
import { Axes } from '../kit/Axes.tsx';
import type { BoundaryFrame, BoundaryScales } from './boundary-frame.ts';
import { boundaryDescription, EDIT_HELP } from './boundary-description.ts';
import { sampleContourCount } from './boundary-picture.ts';
import type { HeatmapView } from './boundary-picture.ts';
import type { PredictionSource } from './boundary-render.ts';
import { addedPixels } from './point-edits.ts';
import { useBoundaryCanvas } from './use-boundary-canvas.ts';
import { useBoundaryEditing } from './use-boundary-editing.ts';
import type { PlotEditing } from './use-boundary-editing.ts';
import { useBoundaryModel } from './use-boundary-model.ts';

export type { HeatmapView } from './boundary-picture.ts';
export type { PlotEditing } from './use-boundary-editing.ts';

interface Props {
  grid: DecisionGrid | null;
  data: DataSnapshot | null;
  /** Width available for the whole plot (margins included), in CSS pixels. */
  width: number;
  /** Dims the picture (and ignores edits) while the run is being rebuilt. */
  stale: boolean;
  heatmap: HeatmapView;
  source: PredictionSource;
  /** Which run this is, for the accessible name (e.g. "bSAM"). */
  runLabel: string;
  testId: string;
  /** Click and keyboard editing of the data; null: read-only. */
  editing: PlotEditing | null;
}

export function BoundaryPlot({ grid, data, width, stale, heatmap, source, runLabel, testId, editing }: Props) {
  const { frame, scales, train, test, lines, picture, points } = useBoundaryModel(grid, data, width, heatmap, source);
  const { cross, handlers } = useBoundaryEditing({ grid, frame, scales, points, editing, stale });
  const canvasRef = useBoundaryCanvas({ grid, frame, scales, lines, picture, train, test, cross });
  const { outerWidth, outerHeight } = frame;
  const sampleContours = sampleContourCount(lines);
  const description = boundaryDescription({ runLabel, heatmap, source, trainCount: train.length, testCount: test.length, sampleContours });

  return (
    <div style={{ position: 'relative', width: outerWidth, height: outerHeight }}>
      <canvas
        ref={canvasRef}
        data-testid={testId}
        data-ready={grid ? 'true' : 'false'}
        data-sample-contours={sampleContours}
        data-view={heatmap}
        data-source={source}
        data-max-entropy={picture?.maxEntropy?.toFixed(4) ?? ''}
        data-train-count={train.length}
        data-added-px={addedPixels(points)}
        role={editing ? 'application' : 'img'}
        aria-label={editing ? description + EDIT_HELP : description}
        tabIndex={editing ? 0 : undefined}
        {...handlers}
        className={editing ? 'train-boundary is-editable' : 'train-boundary'}
        style={{ width: outerWidth, height: outerHeight, display: 'block', opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      />
      {scales && <AxesLayer frame={frame} scales={scales} />}
    </div>
  );
}

/** The kit's axes in an SVG over the canvas (the canvas holds only the picture). */
function AxesLayer({ frame, scales }: { frame: BoundaryFrame; scales: BoundaryScales }) {
  const { margin, plotWidth, plotHeight, outerWidth, outerHeight } = frame;
  return (
    <svg width={outerWidth} height={outerHeight} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axes x={(v) => scales.x(v) - margin.left} y={(v) => scales.y(v) - margin.top} width={plotWidth} height={plotHeight} xTicks={frame.xTicks} yTicks={frame.yTicks} grid="none" />
      </g>
    </svg>
  );
}
