import type { PaperMetrics } from '../../train/paper-metrics.ts';
import { OPTIMIZER_NAMES } from './optimizer-style.ts';
import type { RunResult } from './results/run-result.ts';

/** 4 decimals: the metrics are computed in float64 from float32 probabilities, far finer than this. */
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');
/** The unrounded value for `data-value`; absent when not finite (the cell's dash and tooltip say why). */
const exact = (v: number) => (Number.isFinite(v) ? v : undefined);
const COLUMNS: (keyof PaperMetrics)[] = ['accuracy', 'nll', 'ece', 'auroc'];
const HEADERS: Record<keyof PaperMetrics, string> = { accuracy: 'accuracy', nll: 'NLL', ece: 'ECE', auroc: 'AUROC' };

/**
 * Every run's latest test metrics, one row per run (and a model-average row under a bSAM run): the
 * per-seed numbers behind the summary table. A value that could not be computed (AUROC with no mistakes, a
 * diverged run) shows as — with the reason in its tooltip. The run's latest epoch's training loss and its
 * training seconds so far (steps alone, no evaluation) span both rows of a bSAM run; each cell carries its
 * unrounded value in `data-value` (what the engine-agreement test and the bench read).
 */
export function RunsTable({ results, testImages = null }: { results: RunResult[]; testImages?: number | null }) {
  const started = results.filter((r) => r.epochs.length > 0);
  if (started.length === 0) return null;
  return (
    <table className="experiment-runs" data-testid="ex-runs-table">
      <caption>Each run, latest epoch (test set{testImages === null ? '' : `, ${testImages.toLocaleString('en')} images`})</caption>
      <thead>
        <tr>
          <th scope="col">optimizer</th>
          <th scope="col">seed</th>
          <th scope="col">epoch</th>
          <th scope="col">predictive</th>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {HEADERS[c]}
            </th>
          ))}
          <th scope="col">train loss</th>
          <th scope="col">training s</th>
        </tr>
      </thead>
      <tbody>
        {started.flatMap((r) => {
          const last = r.epochs[r.epochs.length - 1];
          const rows: [string, PaperMetrics][] = [['mean weights', last.mean], ...(last.bayes ? [['model average', last.bayes] as [string, PaperMetrics]] : [])];
          const seconds = r.epochs.reduce((sum, e) => sum + e.trainSeconds, 0);
          return rows.map(([kind, m], i) => (
            <tr key={`${r.optimizer}-${r.seed}-${kind}`} data-testid={`ex-run-${r.optimizer}-${r.seed}-${kind === 'mean weights' ? 'mean' : 'bayes'}`}>
              <th scope="row">{OPTIMIZER_NAMES[r.optimizer]}</th>
              <td>{r.seed}</td>
              <td>
                {last.epoch}
                {r.finished ? '' : ' …'}
              </td>
              <td>{kind}</td>
              {COLUMNS.map((c) => (
                <td key={c} data-metric={c} data-value={exact(m[c])} title={Number.isFinite(m[c]) ? undefined : 'not computable: no mistakes or no correct images, or a diverged run'}>
                  {fmt(m[c])}
                </td>
              ))}
              {i === 0 && (
                <>
                  <td rowSpan={rows.length} data-metric="trainLoss" data-value={exact(last.trainLoss)}>
                    {fmt(last.trainLoss)}
                  </td>
                  <td rowSpan={rows.length} data-metric="trainSeconds" data-value={seconds}>
                    {seconds.toFixed(2)}
                  </td>
                </>
              )}
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
