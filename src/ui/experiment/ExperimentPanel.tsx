import { useEffect, useRef, type Dispatch } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import { DEFAULT_EXPERIMENT_DATA, ownExperimentData } from '../../state/experiment-data.ts';
import { chosenOptimizers, experimentPanelSchema, experimentRuns } from '../../state/fashion-experiment.ts';
import { FASHION_MNIST_TRAIN_SIZE } from '../../state/training.ts';
import type { Action } from '../../state/update.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { EngineStatus } from './EngineSelect.tsx';
import { EpochCurves } from './EpochCurves.tsx';
import { DataSource } from './DataSource.tsx';
import { ExperimentControls } from './ExperimentControls.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';
import { PosteriorStd } from './PosteriorStd.tsx';
import { ReliabilityRow } from './ReliabilityPair.tsx';
import { ResultsViews } from './ResultsViews.tsx';
import { RunSettings } from './RunSettings.tsx';
import { RunsTable } from './RunsTable.tsx';
import { useExperimentWorker, type ExperimentView } from './use-experiment-worker.ts';
import type { OwnDataSummary } from '../../worker/experiment-own-data-protocol.ts';
import './experiment.css';

interface Props {
  state: ExperimentState;
  dispatch: Dispatch<Action>;
}

/**
 * The Fashion-MNIST experiment, loaded lazily when opened: the dataset downloads in the worker, then the
 * chosen optimizers train one after another (same data order and initial weights per seed) with the
 * paper's metrics after every epoch.
 */
export default function ExperimentPanel({ state, dispatch }: Props) {
  const ex = state.experiment;
  const { view, start, pause, resume, cancel, retryLoad, loadOwn } = useExperimentWorker();
  const busy = view.status === 'running' || view.status === 'paused';
  const own = ex.data.kind === 'own';
  // Own data trains only on files loaded in this page: never on Fashion-MNIST in their place.
  const ready = own ? view.own.loaded !== null : view.load.status === 'loaded';
  const none = chosenOptimizers(ex).length === 0;
  useOwnDataInState(view.own.loaded?.summary ?? null, ex.size, dispatch);
  const shape = own ? view.own.loaded?.summary : undefined;
  return (
    <div className="experiment-panel">
      <LoadStatus load={view.load} onRetry={retryLoad} />
      <DataSource
        data={ex.data}
        own={view.own}
        fashionReady={view.load.status === 'loaded'}
        disabled={busy}
        onChoose={(kind) => dispatch({ type: 'patchExperiment', patch: { data: kind === 'own' && view.own.loaded ? ownExperimentData(view.own.loaded.summary.name) : DEFAULT_EXPERIMENT_DATA } })}
        onFiles={loadOwn}
      />
      <ExperimentControls ex={ex} dispatch={dispatch} disabled={busy} shape={shape ? { inputs: shape.rows * shape.cols, classes: shape.classes } : undefined} />
      <RunSettings ex={ex} />
      <div className="experiment-run-bar">
        <button type="button" data-testid="ex-run" disabled={!ready || busy || none} onClick={() => start(experimentRuns(ex), ex.data.kind, ex.engine)}>
          Run
        </button>
        <button type="button" data-testid="ex-pause" disabled={!busy} onClick={view.status === 'paused' ? resume : pause}>
          {view.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" data-testid="ex-cancel" disabled={!busy} onClick={cancel}>
          Cancel
        </button>
        {none && <span className="field-error">Choose at least one optimizer.</span>}
        {/* The figures and tables as drawn, as SVG or PNG (the export service picks the closest .panel). */}
        {view.results.length > 0 && <ExportMenu name="fashion-mnist" label="the Fashion-MNIST experiment" />}
      </div>
      <EngineStatus engine={view.engine} />
      <RunProgress view={view} />
      {view.results.length > 0 && (
        <>
          <EpochCurves results={view.results} epochs={view.progress?.epochs ?? ex.epochs} />
          <ResultsViews ex={ex} results={view.results} predictions={view.predictions} test={view.resultsTest} />
          <ReliabilityRow results={view.results} />
          {view.std && <PosteriorStd std={view.std} seed={view.results[view.std.run]?.seed ?? 0} />}
          <RunsTable results={view.results} testImages={view.resultsTest ? view.resultsTest.labels.length : null} />
        </>
      )}
    </div>
  );
}

/**
 * When the worker accepts a set of own files, the state says so (kind 'own' with the training images' name, so a
 * link records it) and the training-set size comes within what the files hold.
 */
function useOwnDataInState(summary: OwnDataSummary | null, size: number, dispatch: Dispatch<Action>): void {
  const applied = useRef<OwnDataSummary | null>(null);
  useEffect(() => {
    if (!summary || applied.current === summary) return;
    applied.current = summary;
    const available = Math.min(summary.trainImages, FASHION_MNIST_TRAIN_SIZE);
    const fits = Math.max(available, experimentPanelSchema.shape.size.minValue ?? 1);
    dispatch({ type: 'patchExperiment', patch: { data: ownExperimentData(summary.name), ...(size > fits ? { size: fits } : {}) } });
  }, [summary, size, dispatch]);
}

function RunProgress({ view }: { view: ExperimentView }) {
  if (view.status === 'failed') return <p className="field-error" role="alert">Training stopped: {view.error}</p>;
  if (view.status === 'cancelled') return <p data-testid="ex-status">Cancelled; the finished runs are kept below.</p>;
  if (view.status === 'finished') return <p data-testid="ex-status">Finished: {view.results.length} runs.</p>;
  const p = view.progress;
  if (!p || view.status === 'idle') return null;
  const current = view.results[p.run];
  const eta = p.etaSeconds === null ? '' : `, about ${Math.ceil(p.etaSeconds)} s left`;
  return (
    <div className="experiment-progress" data-testid="ex-status">
      <progress max={p.totalSteps} value={p.doneSteps} aria-label="experiment progress" />{' '}
      {view.status === 'paused' ? 'Paused: ' : ''}run {p.run + 1} of {p.runs}
      {current ? ` (${OPTIMIZER_NAMES[current.optimizer]}, seed ${current.seed})` : ''}, epoch {Math.min(p.epoch + 1, p.epochs)} of {p.epochs}, step {p.step}
      {eta}
    </div>
  );
}
