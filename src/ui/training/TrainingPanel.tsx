/**
 * The training lab (theory.md §4–5): a small network trained in a worker with SGD, Adam, SAM or bSAM on
 * a 2-D dataset, its decision boundary (with bSAM's posterior-sample boundaries), its metrics, its
 * calibration and bSAM's posterior spread, live; optionally a second optimizer side by side on the same
 * data and initial weights. The config (data edits and imports included) lives in the experiment state;
 * the runs themselves (weights, step, history) live in the worker and are mirrored by useTrainingWorker.
 * How the plots are drawn (heatmap, which prediction, the class a click adds) is view state, kept here.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import { finalLrFactor } from '../../train/schedule.ts';
import type { Action, TrainingPatch } from '../../state/update.ts';
import type { PointOrigin } from '../../train/datasets.ts';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import type { PredictionSource } from './boundary-render.ts';
import { BoundaryLegend } from './BoundaryLegend.tsx';
import { BoundaryPlot, type HeatmapView, type PlotEditing } from './BoundaryPlot.tsx';
import { CsvImport } from './CsvImport.tsx';
import { DataEditBar } from './DataEditBar.tsx';
import { DivergedBanner } from './DivergedBanner.tsx';
import { MetricsChart, type MetricRun } from './MetricsChart.tsx';
import { OPTIMIZER_LABELS } from './optimizer-labels.ts';
import { addPointPatch, removePointPatch } from './point-edits.ts';
import { ReliabilityDiagram } from './ReliabilityDiagram.tsx';
import { SLOW_PACE_SPEED, usePace } from '../kit/pace.ts';
import { RunBar } from './RunBar.tsx';
import { RunFinished } from './RunFinished.tsx';
import { RunOptions } from './RunOptions.tsx';
import { StdHistograms } from './StdHistograms.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import type { RunView } from './training-client.ts';
import { useRegisterTrainingRemote } from './training-remote.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { SlicePanel } from '../slice/SlicePanel.tsx';
import { useTrainingWorker } from './use-training-worker.ts';
import { ViewControls } from './ViewControls.tsx';
import { useElementWidth } from '../kit/use-element-width.ts';
import './training.css';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

const BOUNDARY_MAX_WIDTH = 540;
const PLOT_GAP = 16;
const RELIABILITY_WIDTH = 250;

/** A run's name; the same optimizer twice gets a number so the two can be told apart. */
function runLabel(runs: readonly RunView[], i: number): string {
  const kind = runs[i]?.kind;
  if (!kind) return '';
  return runs.findIndex((r) => r.kind === kind) !== i ? `${OPTIMIZER_LABELS[kind]} #${i + 1}` : OPTIMIZER_LABELS[kind];
}

/** Test ids: the main run keeps the ids it always had, the compared run's get a "-2". */
const suffix = (k: number) => (k === 0 ? '' : `-${k + 1}`);

export function TrainingPanel({ state, dispatch }: Props) {
  const config = state.training;
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const [speed, setSpeed] = useState(1000);
  const [heatmap, setHeatmap] = useState<HeatmapView>('probability');
  const [source, setSource] = useState<PredictionSource>('averaged');
  const [addClass, setAddClass] = useState(0);
  const run = useTrainingWorker(config, backend);
  const { view } = run;
  // The classroom's slow pace (a tour step's live run) overrides the speed chosen here while it lasts.
  const slowPace = usePace() === 'slow';
  const { setSpeed: sendSpeed } = run;
  useEffect(() => {
    if (slowPace) sendSpeed(SLOW_PACE_SPEED.stepsPerTick, SLOW_PACE_SPEED.intervalMs);
    else sendSpeed(speed);
  }, [slowPace, speed, sendSpeed]);
  // Classroom shortcuts (Space, →, R) and tour steps drive this run.
  useRegisterTrainingRemote(run);

  const onPatch = useCallback((patch: TrainingPatch) => dispatch({ type: 'patchTraining', patch }), [dispatch]);
  const onOfficialPreset = useCallback(() => dispatch({ type: 'applyTrainingPreset', config: OFFICIAL_BSAM_DEMO }), [dispatch]);

  // The runs on screen: the worker's, labelled.
  const runs: { view: RunView | null; label: string }[] = view.runs.length
    ? view.runs.map((r, i) => ({ view: r, label: runLabel(view.runs, i) }))
    : [{ view: null, label: OPTIMIZER_LABELS[config.optimizer.kind] }];
  const comparing = runs.length > 1;
  const hasPosterior = view.runs.some((r) => r.kind === 'bsam');

  const data = view.data;
  const classes = data?.classes ?? 2;
  const chosenClass = Math.min(addClass, classes - 1);
  const dataset = config.dataset;
  const editing = useMemo<PlotEditing>(
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

  const m0 = view.runs[0]?.metrics;
  const m1 = view.runs[1]?.metrics;
  const label0 = runLabel(view.runs, 0);
  const label1 = runLabel(view.runs, 1);
  const metricRuns = useMemo<MetricRun[]>(
    () => [
      { label: label0, metrics: m0 ?? [] },
      ...(m1 ? [{ label: label1, metrics: m1 }] : []),
    ],
    [m0, m1, label0, label1],
  );

  const [plotsRef, plotsWidth] = useElementWidth<HTMLDivElement>(900);
  // One run: boundary and metrics side by side when there is room. Two: the boundaries side by side, the
  // (overlaid) metrics below them.
  const sideBySide = comparing ? plotsWidth >= 640 : plotsWidth >= 760;
  const boundaryWidth = comparing
    ? sideBySide
      ? Math.min(BOUNDARY_MAX_WIDTH, Math.floor((plotsWidth - PLOT_GAP) / 2))
      : Math.min(plotsWidth, BOUNDARY_MAX_WIDTH)
    : sideBySide
      ? Math.min(BOUNDARY_MAX_WIDTH, Math.round(plotsWidth * 0.5))
      : Math.min(plotsWidth, BOUNDARY_MAX_WIDTH);
  const metricsWidth = !comparing && sideBySide ? plotsWidth - boundaryWidth - PLOT_GAP : plotsWidth;
  const stale = view.status === 'idle';
  const evaluatedOn = data && data.test.length > 0 ? 'test' : 'train';
  const firstGrid = view.runs.find((r) => r.grid)?.grid ?? null;
  const legendElement = (
    <BoundaryLegend
      classes={firstGrid?.classes ?? classes}
      posterior={hasPosterior}
      samples={view.runs.some((r) => (r.grid?.samples.length ?? 0) > 0)}
      hasTest={(data?.test.length ?? 0) > 0}
      heatmap={heatmap}
      source={source}
    />
  );
  const initialStd = 1 / Math.sqrt(Math.max(1, data?.train.length ?? 1) * config.optimizer.sInit);

  return (
    <>
      <section
        className="panel training-panel"
        data-testid="training-panel"
        data-status={view.status}
        data-step={view.step}
        data-runs={view.runs.length}
        aria-labelledby="training-title"
      >
        <div className="panel-head">
          <h2 id="training-title">Training: SGD, Adam, SAM and bSAM on a toy problem</h2>
          <ExportMenu
            name="training"
            label="the training panel"
            metrics={view.runs.map((r) => ({ optimizer: r.kind, metrics: r.metrics }))}
            metricsConfig={config}
            evaluatedOn={evaluatedOn}
          />
          <p>
            bSAM learns a Gaussian posterior with SAM&rsquo;s cost; its thin lines are the decision boundaries of posterior samples, the
            thick one that of the shown prediction (the predictive averaged over samples, or the mean weights).
          </p>
        </div>
        <div className="training-grid">
          <div className="train-controls-column">
            <TrainingControls config={config} onPatch={onPatch} onOfficialPreset={onOfficialPreset} />
            <CsvImport config={config} onPatch={onPatch} />
          </div>
          <div className="plot-column">
            <RunBar
              view={view}
              epochs={config.epochs}
              backend={backend}
              onBackend={setBackend}
              speed={speed}
              slowPace={slowPace}
              onSpeed={setSpeed}
              onPlay={run.play}
              onPause={run.pause}
              onStep={run.step}
              onReset={run.reset}
            />
            {view.status === 'finished' && (
              <RunFinished
                step={view.step}
                epoch={view.epoch}
                epochs={config.epochs}
                finalRate={config.optimizer.learningRate * finalLrFactor(config)}
                onExtend={run.extend}
                onRestart={run.reset}
              />
            )}
            <RunOptions config={config} onPatch={onPatch} />
            {/* The status line's step: one source for where the run stopped. */}
            {view.diverged && <DivergedBanner step={view.step} message={view.diverged.message} onReset={run.reset} />}
            {(view.crash || view.error) && (
              <div className="notices" data-testid="train-notices">
                <ul>
                  {view.crash && (
                    <li className="notice-error" data-testid="train-crash">
                      {view.crash}
                    </li>
                  )}
                  {view.error && (
                    <li className="notice-error" data-testid="train-error">
                      {view.error}
                    </li>
                  )}
                </ul>
              </div>
            )}
            <div className="train-view-row">
              <DataEditBar
                classes={classes}
                addClass={chosenClass}
                onAddClass={setAddClass}
                data={data}
                added={dataset.added.length}
                removed={dataset.removed.length}
                onClear={() => onPatch({ dataset: { added: [], removed: [] } })}
              />
              <ViewControls heatmap={heatmap} onHeatmap={setHeatmap} source={source} onSource={setSource} hasPosterior={hasPosterior} />
            </div>
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
                      testId={`train-boundary${suffix(k)}`}
                      editing={editing}
                    />
                    {!comparing && legendElement}
                  </figure>
                ))}
                {comparing && legendElement}
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
                      testId={`train-reliability${suffix(k)}`}
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
                  <StdHistograms histograms={r.view.posteriorStd} pending={r.view.grid === null} initialStd={initialStd} width={plotsWidth} runLabel={r.label} testId={`train-std${suffix(k)}`} />
                </figure>
              ) : null,
            )}
          </div>
        </div>
      </section>
      <SlicePanel requestSnapshot={run.snapshot} rho={config.optimizer.rho} hasPosterior={config.optimizer.kind === 'bsam'} />
    </>
  );
}
