/**
 * The paper's results table (rows = optimizers, bSAM's model average as its own row; columns accuracy,
 * NLL, ECE, AUROC as mean ± std over seeds), best of each column in bold with a star. Full-precision
 * values ride along as data attributes for tests; the cells show three decimals.
 */
import { useMemo } from 'react';
import { formatCell } from './results-format.ts';
import { rowLabel } from './row-label.ts';
import { HIGHER_IS_BETTER, METRIC_KEYS, METRIC_NAMES, resultsTable } from './results-table.ts';
import type { MetricCell, MetricKey } from './results-table.ts';
import type { RunResult } from './run-result.ts';
import './results.css';

export interface ResultsTableProps {
  /** Every run of the experiment; only finished ones enter the table. */
  runs: readonly RunResult[];
  testId?: string;
}

const num = (v: number | null) => (v === null ? undefined : String(v));

function Cell({ cell, metric }: { cell: MetricCell; metric: MetricKey }) {
  const text = formatCell(cell);
  if (text === null) {
    return (
      <td className="results-absent" data-metric={metric} data-absent={cell.absent ?? ''}>
        <span aria-hidden="true">—</span> <span className="results-reason">{cell.absent}</span>
      </td>
    );
  }
  return (
    <td className={cell.best ? 'results-best' : undefined} data-metric={metric} data-mean={num(cell.mean)} data-std={num(cell.std)} data-best={cell.best || undefined}>
      {cell.best ? (
        <>
          <strong>{text}</strong>
          <span aria-hidden="true"> ★</span>
          <span className="visually-hidden"> (best)</span>
        </>
      ) : (
        text
      )}
    </td>
  );
}

export function ResultsTable({ runs, testId = 'results-table' }: ResultsTableProps) {
  const table = useMemo(() => resultsTable(runs), [runs]);
  if (table.rows.length === 0) {
    return (
      <p className="results-empty" data-testid={testId}>
        The results table fills in when the first run finishes.
      </p>
    );
  }
  return (
    <table className="results-table" data-testid={testId}>
      <caption>
        Test metrics after the last epoch: mean ± standard deviation over seeds (sample std, n − 1; none with one seed). Best of each column in bold
        with ★ (↑ higher is better, ↓ lower).
      </caption>
      <thead>
        <tr>
          <th scope="col">Optimizer</th>
          {METRIC_KEYS.map((k) => (
            <th key={k} scope="col">
              {METRIC_NAMES[k]} <span aria-hidden="true">{HIGHER_IS_BETTER[k] ? '↑' : '↓'}</span>
              <span className="visually-hidden">{HIGHER_IS_BETTER[k] ? ' (higher is better)' : ' (lower is better)'}</span>
            </th>
          ))}
          <th scope="col">Seeds</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={`${row.optimizer}-${row.weights}`} data-optimizer={row.optimizer} data-weights={row.weights}>
            <th scope="row">{rowLabel(row)}</th>
            {METRIC_KEYS.map((k) => (
              <Cell key={k} cell={row.cells[k]} metric={k} />
            ))}
            <td data-seeds={row.seeds.join(',')} title={`seeds ${row.seeds.join(', ')}`}>
              {row.seeds.length}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
