/**
 * The training lab (theory.md §4–5): a small network trained in a worker with SGD, Adam, SAM or bSAM on
 * a 2-D dataset, its decision boundary (with bSAM's posterior-sample boundaries) and its metrics, live.
 * The config lives in the experiment state; the run itself (weights, step, history) lives in the worker
 * and is mirrored here by useTrainingWorker.
 */
import { useState } from 'react';
import type { ExperimentState } from '../state/experiment.ts';
import { OFFICIAL_BSAM_DEMO } from '../state/training.ts';
import type { Action } from '../state/update.ts';
import type { BackendChoice } from '../worker/train-protocol.ts';
import { BoundaryLegend } from './training/BoundaryLegend.tsx';
import { BoundaryPlot } from './training/BoundaryPlot.tsx';
import { DivergedBanner } from './training/DivergedBanner.tsx';
import { MetricsChart } from './training/MetricsChart.tsx';
import { RunBar } from './training/RunBar.tsx';
import { TrainingControls } from './training/TrainingControls.tsx';
import { useTrainingWorker } from './training/useTrainingWorker.ts';
import { useElementWidth } from './useElementWidth.ts';
import './training/training.css';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

const BOUNDARY_MAX_WIDTH = 540;
const PLOT_GAP = 16;

export function TrainingPanel({ state, dispatch }: Props) {
  const config = state.training;
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const [speed, setSpeed] = useState(1000);
  const run = useTrainingWorker(config, backend);
  const { view } = run;

  const [plotsRef, plotsWidth] = useElementWidth<HTMLDivElement>(900);
  // Side by side when there is room for both, stacked otherwise.
  const sideBySide = plotsWidth >= 760;
  const boundaryWidth = sideBySide ? Math.min(BOUNDARY_MAX_WIDTH, Math.round(plotsWidth * 0.5)) : Math.min(plotsWidth, BOUNDARY_MAX_WIDTH);
  const metricsWidth = sideBySide ? plotsWidth - boundaryWidth - PLOT_GAP : plotsWidth;
  const grid = view.grid;

  return (
    <section
      className="panel training-panel"
      data-testid="training-panel"
      data-status={view.status}
      data-step={view.step}
      aria-labelledby="training-title"
    >
      <div className="panel-head">
        <h2 id="training-title">Training: SGD, Adam, SAM and bSAM on a toy problem</h2>
        <p>
          bSAM learns a Gaussian posterior with SAM&rsquo;s cost; its thin lines are the decision boundaries of posterior samples, the
          thick one that of the mean weights.
        </p>
      </div>
      <div className="training-grid">
        <TrainingControls
          config={config}
          onPatch={(patch) => dispatch({ type: 'patchTraining', patch })}
          onOfficialPreset={() => dispatch({ type: 'applyTrainingPreset', config: OFFICIAL_BSAM_DEMO })}
        />
        <div className="plot-column">
          <RunBar
            view={view}
            epochs={config.epochs}
            backend={backend}
            onBackend={setBackend}
            speed={speed}
            onSpeed={(n) => {
              setSpeed(n);
              run.setSpeed(n);
            }}
            onPlay={run.play}
            onPause={run.pause}
            onStep={run.step}
            onReset={run.reset}
          />
          {view.diverged && <DivergedBanner step={view.diverged.step} message={view.diverged.message} onReset={run.reset} />}
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
          <div ref={plotsRef} className={`training-plots${sideBySide ? ' is-side-by-side' : ''}`} style={{ gap: PLOT_GAP }}>
            {/* Fixed widths: a figure would otherwise grow to its legend's one-line width and push the chart out. */}
            <figure className="training-figure" style={{ width: boundaryWidth }}>
              <BoundaryPlot grid={grid} train={view.train} test={view.test} width={boundaryWidth} stale={view.status === 'idle'} />
              <BoundaryLegend classes={grid?.classes ?? config.dataset.classes} samples={(grid?.samples.length ?? 0) > 0} hasTest={view.test.length > 0} />
            </figure>
            <figure className="training-figure" style={{ width: metricsWidth }}>
              <MetricsChart metrics={view.metrics} width={metricsWidth} evaluatedOn={view.test.length > 0 ? 'test' : 'train'} />
            </figure>
          </div>
        </div>
      </div>
    </section>
  );
}
