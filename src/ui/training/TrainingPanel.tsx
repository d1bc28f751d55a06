/**
 * The training lab (theory.md §4–5): a small network trained in a worker with SGD, Adam, SAM or bSAM on
 * a 2-D dataset, its decision boundary (with bSAM's posterior-sample boundaries), its metrics, its
 * calibration and bSAM's posterior spread, live; optionally a second optimizer side by side on the same
 * data and initial weights. The config (data edits and imports included) lives in the experiment state;
 * the runs themselves (weights, step, history) live in the worker and are mirrored by useTrainingWorker.
 * How the plots are drawn (heatmap, which prediction, the class a click adds) is view state, kept here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import type { Action, TrainingPatch } from '../../state/update.ts';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import type { PredictionSource } from './boundary-render.ts';
import { BoundaryLegend } from './BoundaryLegend.tsx';
import type { HeatmapView } from './BoundaryPlot.tsx';
import { CsvImport } from './CsvImport.tsx';
import { DataEditBar } from './DataEditBar.tsx';
import { labelledRuns } from './run-labels.ts';
import { RunSection } from './RunSection.tsx';
import { SLOW_PACE_SPEED, usePace } from '../kit/pace.ts';
import { TrainingControls } from './TrainingControls.tsx';
import { TrainingHead } from './TrainingHead.tsx';
import { TrainingPlots } from './TrainingPlots.tsx';
import { useRegisterTrainingRemote } from './training-remote.ts';
import { SlicePanel } from '../slice/SlicePanel.tsx';
import { useMetricRuns } from './use-metric-runs.ts';
import { usePlotEditing } from './use-plot-editing.ts';
import { useTrainingWorker } from './use-training-worker.ts';
import { ViewControls } from './ViewControls.tsx';
import './training.css';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

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

  const runs = labelledRuns(view.runs, config.optimizer.kind);
  const hasPosterior = view.runs.some((r) => r.kind === 'bsam');
  const data = view.data;
  const classes = data?.classes ?? 2;
  const chosenClass = Math.min(addClass, classes - 1);
  const dataset = config.dataset;
  const editing = usePlotEditing(dataset, chosenClass, onPatch);

  const metricRuns = useMetricRuns(runs);

  const evaluatedOn = data && data.test.length > 0 ? 'test' : 'train';
  const legend = (
    <BoundaryLegend
      classes={view.runs.find((r) => r.grid)?.grid?.classes ?? classes}
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
        <TrainingHead runs={view.runs} config={config} evaluatedOn={evaluatedOn} />
        <div className="training-grid">
          <div className="train-controls-column">
            <TrainingControls config={config} onPatch={onPatch} onOfficialPreset={onOfficialPreset} />
            <CsvImport config={config} onPatch={onPatch} />
          </div>
          <div className="plot-column">
            <RunSection run={run} config={config} onPatch={onPatch} backend={backend} onBackend={setBackend} speed={speed} slowPace={slowPace} onSpeed={setSpeed} />
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
            <TrainingPlots
              runs={runs}
              metricRuns={metricRuns}
              data={data}
              classes={classes}
              stale={view.status === 'idle'}
              heatmap={heatmap}
              source={source}
              editing={editing}
              legend={legend}
              evaluatedOn={evaluatedOn}
              initialStd={initialStd}
            />
          </div>
        </div>
      </section>
      <SlicePanel requestSnapshot={run.snapshot} rho={config.optimizer.rho} hasPosterior={config.optimizer.kind === 'bsam'} />
    </>
  );
}
