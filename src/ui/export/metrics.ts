/**
 * The training panel's metric history as files: CSV for spreadsheets and pandas, JSON for scripts.
 * Pure functions of the histories the worker streams (one MetricPoint per epoch and run; with a
 * comparison run there are two runs, told apart by the run and optimizer columns).
 */
import type { TrainingConfig } from '../../state/training.ts';
import { metricStride } from '../../train/schedule.ts';
import type { MetricPoint } from '../../worker/train-protocol.ts';

/** One run's history: TrainingView.runs[i] maps onto this as { optimizer: kind, metrics }. */
export interface MetricSeries {
  optimizer: string;
  metrics: readonly MetricPoint[];
}

/** Metric columns in file order; the names are MetricPoint's, so a file maps back onto the type. */
export const METRIC_COLUMNS = ['epoch', 'step', 'trainLoss', 'testAccuracy', 'nll', 'ece'] as const satisfies readonly (keyof MetricPoint)[];
export const CSV_HEADER = ['run', 'optimizer', ...METRIC_COLUMNS].join(',');

/**
 * A diverged run has infinite or NaN losses, and they are the interesting rows: CSV spells them the
 * way pandas, R and spreadsheets read them back ('NaN', 'Infinity', '-Infinity'), never as blanks or 0.
 */
function csvNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return String(x);
}

/** Optimizer ids are plain words; anything else is quoted as RFC 4180 says. */
function csvText(s: string): string {
  return /^[\w.-]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`;
}

/** Header plus one row per epoch and run (run 1 first), '\n' line ends: a plain rectangular table. */
export function metricsToCsv(runs: readonly MetricSeries[]): string {
  const lines = [CSV_HEADER];
  runs.forEach((run, i) => {
    for (const m of run.metrics) lines.push([String(i + 1), csvText(run.optimizer), ...METRIC_COLUMNS.map((c) => csvNumber(m[c]))].join(','));
  });
  return `${lines.join('\n')}\n`;
}

export interface MetricsJsonMeta {
  /** The run's config, so a file says what produced it. */
  config?: TrainingConfig;
  /** Whether accuracy, NLL and ECE were measured on a test set or (no test set) on the training data. */
  evaluatedOn?: 'test' | 'train';
  exportedAt?: Date;
}

/** The row type of the JSON file: JSON has no NaN or ∞, so a non-finite value is null. */
export type MetricsJsonRow = Record<(typeof METRIC_COLUMNS)[number], number | null>;

export interface MetricsJson {
  format: 'sam-bayes-lab/metrics';
  version: 1;
  exportedAt: string | null;
  evaluatedOn: 'test' | 'train' | null;
  config: TrainingConfig | null;
  /** Rows are recorded every this many epochs (1: every epoch; src/train/schedule.ts), null without a config. */
  recordedEveryEpochs: number | null;
  runs: { run: number; optimizer: string; rows: MetricsJsonRow[] }[];
}

export function metricsToJsonObject(runs: readonly MetricSeries[], meta: MetricsJsonMeta = {}): MetricsJson {
  return {
    format: 'sam-bayes-lab/metrics',
    version: 1,
    exportedAt: meta.exportedAt ? meta.exportedAt.toISOString() : null,
    evaluatedOn: meta.evaluatedOn ?? null,
    config: meta.config ?? null,
    recordedEveryEpochs: meta.config ? metricStride(meta.config) : null,
    runs: runs.map((r, i) => ({
      run: i + 1,
      optimizer: r.optimizer,
      rows: r.metrics.map((m) => Object.fromEntries(METRIC_COLUMNS.map((c) => [c, Number.isFinite(m[c]) ? m[c] : null])) as MetricsJsonRow),
    })),
  };
}

export function metricsToJson(runs: readonly MetricSeries[], meta: MetricsJsonMeta = {}): string {
  return `${JSON.stringify(metricsToJsonObject(runs, meta), null, 2)}\n`;
}
