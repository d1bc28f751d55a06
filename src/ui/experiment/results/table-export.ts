/**
 * The results table as files: CSV (spreadsheets, pandas), Markdown (a paper draft, an issue), JSON (scripts;
 * with every seed's raw value). Full doubles everywhere but Markdown, which is for people and shows the
 * table's three decimals. An absent cell is never a number: 'NaN' in CSV with its reason in `notes`, null
 * in JSON with `absent`, "—" and the reason in Markdown.
 */
import { rowLabel } from './row-label.ts';
import { formatCell } from './results-format.ts';
import { HIGHER_IS_BETTER, METRIC_KEYS, METRIC_NAMES } from './results-table.ts';
import type { MetricKey, ResultsTable, RowWeights } from './results-table.ts';
import type { OptimizerKind } from '../../../state/training.ts';

/** One CSV field as RFC 4180 says: quoted (quotes doubled) when it holds a comma, quote, line break or edge space. */
export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvNumber(x: number | null): string {
  return x === null || Number.isNaN(x) ? 'NaN' : String(x);
}

export const TABLE_CSV_HEADER = ['optimizer', 'label', 'weights', 'n', 'seeds', ...METRIC_KEYS.flatMap((k) => [`${k}_mean`, `${k}_std`, `${k}_best`]), 'notes'].join(',');

/** Header plus one line per table row, '\n' line ends; seeds separated by spaces. */
export function tableToCsv(table: ResultsTable): string {
  const lines = [TABLE_CSV_HEADER];
  for (const row of table.rows) {
    const notes = METRIC_KEYS.filter((k) => row.cells[k].absent).map((k) => `${k}: ${row.cells[k].absent}`);
    const fields = [
      row.optimizer,
      rowLabel(row),
      row.weights,
      String(row.seeds.length),
      row.seeds.join(' '),
      ...METRIC_KEYS.flatMap((k) => {
        const c = row.cells[k];
        return [csvNumber(c.mean), csvNumber(c.std), String(c.best)];
      }),
      notes.join('; '),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Pipes and backslashes escaped so a cell cannot break the Markdown table. */
function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** A GitHub-flavoured pipe table: mean ± std to three decimals, best in bold, absent cells "— (reason)". */
export function tableToMarkdown(table: ResultsTable): string {
  const head = ['Optimizer', ...METRIC_KEYS.map((k) => `${METRIC_NAMES[k]} ${HIGHER_IS_BETTER[k] ? '↑' : '↓'}`), 'Seeds'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? ':--' : '--:')).join(' | ')} |`];
  for (const row of table.rows) {
    const cells = METRIC_KEYS.map((k) => {
      const c = row.cells[k];
      const text = formatCell(c);
      if (text === null) return `— (${c.absent})`;
      return c.best ? `**${text}**` : text;
    });
    lines.push(`| ${[rowLabel(row), ...cells, String(row.seeds.length)].map(mdCell).join(' | ')} |`);
  }
  lines.push('', 'Mean ± sample standard deviation (n − 1) over seeds; best of each column in bold.');
  return `${lines.join('\n')}\n`;
}

export interface TableJsonCell {
  mean: number | null;
  std: number | null;
  best: boolean;
  /** Why mean is null, or null. */
  absent: string | null;
  /** Each seed's value (null where not computable). */
  perSeed: { seed: number; value: number | null }[];
}

export interface TableJson {
  format: 'sam-bayes-lab/results-table';
  version: 1;
  exportedAt: string | null;
  std: 'sample (n - 1)';
  /** What produced the runs (e.g. the experiment's state), as the caller passes it. */
  config: unknown;
  rows: { optimizer: OptimizerKind; label: string; weights: RowWeights; seeds: number[]; metrics: Record<MetricKey, TableJsonCell> }[];
}

export function tableToJsonObject(table: ResultsTable, meta: { config?: unknown; exportedAt?: Date } = {}): TableJson {
  const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  return {
    format: 'sam-bayes-lab/results-table',
    version: 1,
    exportedAt: meta.exportedAt ? meta.exportedAt.toISOString() : null,
    std: 'sample (n - 1)',
    config: meta.config ?? null,
    rows: table.rows.map((row) => ({
      optimizer: row.optimizer,
      label: rowLabel(row),
      weights: row.weights,
      seeds: row.seeds,
      metrics: Object.fromEntries(
        METRIC_KEYS.map((k) => {
          const c = row.cells[k];
          const cell: TableJsonCell = { mean: finite(c.mean), std: finite(c.std), best: c.best, absent: c.absent, perSeed: row.seeds.map((seed, i) => ({ seed, value: finite(c.values[i]) })) };
          return [k, cell];
        }),
      ) as Record<MetricKey, TableJsonCell>,
    })),
  };
}

export function tableToJson(table: ResultsTable, meta: { config?: unknown; exportedAt?: Date } = {}): string {
  return `${JSON.stringify(tableToJsonObject(table, meta), null, 2)}\n`;
}
