/**
 * The training lab's figures: each run's decision boundary, the (overlaid) metrics with each run's
 * reliability diagram, and bSAM's posterior-std histograms. Widths come from trainingPlotLayout.
 */
import type { ReactNode } from 'react';
import type { DataSnapshot } from '../../worker/train-protocol.ts';
import { BoundaryPlot, type HeatmapView, type PlotEditing } from './BoundaryPlot.tsx';
import type { PredictionSource } from './boundary-render.ts';
import type { MetricRun } from './metric-series.ts';
import { MetricsChart } from './MetricsChart.tsx';
import { trainingPlotLayout, PLOT_GAP } from './plot-layout.ts';
import { ReliabilityDiagram } from './ReliabilityDiagram.tsx';
import { testIdSuffix, type LabelledRun } from './run-labels.ts';
import { StdHistograms } from './StdHistograms.tsx';
import { useElementWidth } from '../kit/use-element-width.ts';

const RELIABILITY_WIDTH = 250;

interface Props {
  runs: readonly LabelledRun[];
  metricRuns: MetricRun[];
  data: DataSnapshot | null;
  classes: number;
  stale: boolean;
  heatmap: HeatmapView;
  source: PredictionSource;
  editing: PlotEditing;
  legend: ReactNode;
  evaluatedOn: 'test' | 'train';
  /** bSAM's starting posterior std 1/√(N·s_init), drawn dashed in the histograms. */
  initialStd: number;
}

export function TrainingPlots({ runs, metricRuns, data, classes, stale, heatmap, source, editing, legend, evaluatedOn, initialStd }: Props) {
  const [plotsRef, plotsWidth] = useElementWidth<HTMLDivElement>(900);
  const comparing = runs.length > 1;
  const { sideBySide, boundaryWidth, metricsWidth } = trainingPlotLayout(plotsWidth, comparing);
  return (
    <>
      <div ref={plotsRef} className={`training-plots${sideBySide ? ' is-side-by-side' : ''}${comparing ? ' is-comparing' : ''}`} style={{ gap: PLOT_GAP }}>
        <div className="train-boundaries" style={{ gap: PLOT_GAP }}>
          {runs.map((r, k) => (
            // Fixed widths: a figure would otherwise grow to its legend's one-line width and push the chart out.
            <figure key={k} className="training-figure" style={{ width: boundaryWidth }}>
              {comparing && <figcaption className="train-run-title">{r.label}</figcaption>}
              <BoundaryPlot
                grid={r.view?.grid ?? null}
                data={data}
                width={boundaryWidth}
                stale={stale}
                heatmap={heatmap}
                source={r.view?.kind === 'bsam' ? source : 'averaged'}
                runLabel={r.label}
                testId={`train-boundary${testIdSuffix(k)}`}
                editing={editing}
              />
              {!comparing && legend}
            </figure>
          ))}
          {comparing && legend}
        </div>
        <figure className="training-figure" style={{ width: metricsWidth }}>
          <MetricsChart runs={metricRuns} width={metricsWidth} evaluatedOn={evaluatedOn} />
          <div className="train-reliabilities">
            {runs.map((r, k) => (
              <ReliabilityDiagram
                key={k}
                evaluation={r.view?.evaluation ?? null}
                classes={classes}
                runLabel={r.label}
                testId={`train-reliability${testIdSuffix(k)}`}
                width={RELIABILITY_WIDTH}
              />
            ))}
          </div>
        </figure>
      </div>
      {runs.map((r, k) =>
        r.view?.kind === 'bsam' ? (
          <figure key={k} className="training-figure train-std">
            <figcaption className="train-run-title">
              {r.label}: posterior std 1/√(N·s) per layer <span className="train-muted">(log scale; dashed: the starting 1/√(N·s_init))</span>
            </figcaption>
            <StdHistograms histograms={r.view.posteriorStd} pending={r.view.grid === null} initialStd={initialStd} width={plotsWidth} runLabel={r.label} testId={`train-std${testIdSuffix(k)}`} />
          </figure>
        ) : null,
      )}
    </>
  );
}
