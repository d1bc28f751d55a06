import { useState } from 'react';
import type { ExperimentPanelState } from '../../state/fashion-experiment.ts';
import { experimentRuns } from '../../state/fashion-experiment.ts';
import type { ExperimentTestSet } from '../../worker/experiment-protocol.ts';
import { ExportableFigure } from './ExportableFigure.tsx';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';
import { ExportTableButtons, Gallery, ResultsTable, RunAtScale } from './results/index.ts';
import type { RunResult, TestPredictions } from './results/index.ts';

interface Props {
  ex: ExperimentPanelState;
  results: RunResult[];
  predictions: TestPredictions[];
  /** The test images (null until loaded: no gallery then). */
  test: ExperimentTestSet | null;
}

const runName = (p: { optimizer: TestPredictions['optimizer']; seed: number }) => `${OPTIMIZER_NAMES[p.optimizer]}, seed ${p.seed}`;

/** The paper's table (mean ± std over seeds), its exports, the gallery of one chosen run, and the official command lines. */
export function ResultsViews({ ex, results, predictions, test }: Props) {
  // bSAM by default: its gallery shows mean weights and model average side by side.
  const [chosen, setChosen] = useState<number | null>(null);
  const fallback = Math.max(0, predictions.findIndex((p) => p.optimizer === 'bsam'));
  const index = chosen !== null && chosen < predictions.length ? chosen : fallback;
  const shown = predictions[index];
  return (
    <div className="experiment-results">
      <ResultsTable runs={results} testId="ex-results-table" />
      <ExportTableButtons runs={results} config={{ experiment: ex }} name="fashion-mnist-results" />
      {shown && test && (
        <div className="experiment-gallery">
          <label>
            Gallery of{' '}
            <select data-testid="ex-gallery-run" value={index} onChange={(e) => setChosen(Number(e.target.value))}>
              {predictions.map((p, i) => (
                <option key={`${p.optimizer}-${p.seed}`} value={i}>
                  {runName(p)}
                </option>
              ))}
            </select>
          </label>
          <ExportableFigure name="experiment-gallery" label="the gallery of test images">
            <Gallery predictions={shown} x={test.x} rows={test.rows} cols={test.cols} labels={test.labels} classNames={test.classNames} runLabel={runName(shown)} testId="ex-gallery" />
          </ExportableFigure>
        </div>
      )}
      {ex.data.kind === 'own' ? (
        <p className="experiment-drop-hint" data-testid="ex-run-at-scale">
          Run it at scale: the official code reads its datasets by name (Fashion-MNIST is <code>--dataset fashion</code>) and cannot be pointed at your own files from
          here, so no command lines are shown for them.
        </p>
      ) : (
        <RunAtScale configs={experimentRuns(ex).map((r) => r.config)} testId="ex-run-at-scale" />
      )}
    </div>
  );
}
