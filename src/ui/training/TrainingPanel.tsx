/**
 * The training lab (theory.md §4–5): a small network trained in a worker with SGD, Adam, SAM or bSAM on
 * a 2-D dataset, its decision boundary (with bSAM's posterior-sample boundaries), its metrics, its
 * calibration and bSAM's posterior spread, live; optionally a second optimizer side by side on the same
 * data and initial weights. The config (data edits and imports included) lives in the experiment state;
 * the runs themselves (weights, step, history) live in the worker and are mirrored by useTrainingWorker.
 * How the plots are drawn (heatmap, which prediction, the class a click adds) is view state, kept here (usePlotView).
 */
import { useCallback, useState } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import type { Action, TrainingPatch } from '../../state/update.ts';
import type { BackendChoice } from '../../worker/train-protocol.ts';
import { BoundaryLegend } from './BoundaryLegend.tsx';
import { boundaryLegendFacts } from './boundary-legend-facts.ts';
import { CsvImport } from './CsvImport.tsx';
import { PlotViewRow } from './PlotViewRow.tsx';
import { labelledRuns } from './run-labels.ts';
import { RunSection } from './RunSection.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import { TrainingHead } from './TrainingHead.tsx';
import { TrainingPlots } from './TrainingPlots.tsx';
import { useRegisterTrainingRemote } from './training-remote.ts';
import { SlicePanel } from '../slice/SlicePanel.tsx';
import { useMetricRuns } from './use-metric-runs.ts';
import { usePlotView } from './use-plot-view.ts';
import { useRunSpeed } from './use-run-speed.ts';
import { useTrainingWorker } from './use-training-worker.ts';
import './training.css';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

export function TrainingPanel({ state, dispatch }: Props) {
  const config = state.training;
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const run = useTrainingWorker(config, backend);
  const { view } = run;
  const { speed, setSpeed, slowPace } = useRunSpeed(run.setSpeed);
  // Classroom shortcuts (Space, →, R) and tour steps drive this run.
  useRegisterTrainingRemote(run);

  const onPatch = useCallback((patch: TrainingPatch) => dispatch({ type: 'patchTraining', patch }), [dispatch]);
  const onOfficialPreset = useCallback(() => dispatch({ type: 'applyTrainingPreset', config: OFFICIAL_BSAM_DEMO }), [dispatch]);

  const runs = labelledRuns(view.runs, config.optimizer.kind);
  const data = view.data;
  const classes = data?.classes ?? 2;
  const plotView = usePlotView(config.dataset, classes, onPatch);
  const metricRuns = useMetricRuns(runs);

  const evaluatedOn = data && data.test.length > 0 ? 'test' : 'train';
  const legendFacts = boundaryLegendFacts(view.runs, data);
  const legend = <BoundaryLegend {...legendFacts} heatmap={plotView.heatmap} source={plotView.source} />;
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
            <PlotViewRow plotView={plotView} classes={classes} data={data} dataset={config.dataset} hasPosterior={legendFacts.posterior} />
            <TrainingPlots
              runs={runs}
              metricRuns={metricRuns}
              data={data}
              classes={classes}
              stale={view.status === 'idle'}
              heatmap={plotView.heatmap}
              source={plotView.source}
              editing={plotView.editing}
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
