/**
 * The paper's results table from finished runs: one row per optimizer (its mean weights), plus a
 * "model average" row for bSAM; columns accuracy, NLL, ECE, AUROC of the last epoch, each as mean ± std
 * over seeds, with the best value of each column marked.
 *
 * Spread: the sample standard deviation over seeds (n − 1 in the denominator, numpy's ddof=1), the usual
 * error bar for a handful of seeds; the paper says "mean ± std over seeds" without the convention. With
 * one seed there is no spread, and the std is absent (null) rather than a misleading 0.
 *
 * A metric that could not be computed for some seed (NaN: e.g. AUROC when every test image is right)
 * makes that cell absent with the reason: averaging over the remaining seeds would silently change
 * what the row means. Absent cells never take part in "best".
 */
import { OPTIMIZER_KINDS } from '../../../state/training.ts';
import type { OptimizerKind } from '../../../state/training.ts';
import type { PaperMetrics } from '../../../train/paper-metrics.ts';
import type { RunResult } from './run-result.ts';

export const METRIC_KEYS = ['accuracy', 'nll', 'ece', 'auroc'] as const satisfies readonly (keyof PaperMetrics)[];
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Which way is better, per column: the paper's arrows (accuracy ↑, NLL ↓, ECE ↓, AUROC ↑). */
export const HIGHER_IS_BETTER: Record<MetricKey, boolean> = { accuracy: true, nll: false, ece: false, auroc: true };

export const METRIC_NAMES: Record<MetricKey, string> = { accuracy: 'Accuracy', nll: 'NLL', ece: 'ECE', auroc: 'AUROC' };

/** Which predictive a row measures: the mean weights, or bSAM's Bayesian model average. */
export type RowWeights = 'mean' | 'bayes';

export interface MetricCell {
  /** Per-seed values in the row's seed order; NaN where not computable (JSON exports write null). */
  values: number[];
  /** Mean over seeds; null when absent (see `absent`). */
  mean: number | null;
  /** Sample std over seeds (n − 1); null when absent or with a single seed. */
  std: number | null;
  /** Why there is no number, or null when there is one. */
  absent: string | null;
  /** The best value of its column as shown (to TABLE_DECIMALS); every row that reads the same is marked. */
  best: boolean;
}

export interface ResultsRow {
  optimizer: OptimizerKind;
  weights: RowWeights;
  /** The seeds of the runs in this row, ascending. */
  seeds: number[];
  cells: Record<MetricKey, MetricCell>;
}

export interface ResultsTable {
  rows: ResultsRow[];
}

export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (n − 1); NaN for fewer than two values. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / (values.length - 1));
}

function seedList(seeds: readonly number[]): string {
  return `${seeds.length === 1 ? 'seed' : 'seeds'} ${seeds.join(', ')}`;
}

function cellOf(values: number[], seeds: readonly number[], missing: readonly number[]): MetricCell {
  if (missing.length > 0) return { values, mean: null, std: null, absent: `no model average for ${seedList(missing)}`, best: false };
  const bad = seeds.filter((_, i) => !Number.isFinite(values[i]));
  if (bad.length > 0) return { values, mean: null, std: null, absent: `not computable for ${seedList(bad)}`, best: false };
  const std = sampleStd(values);
  return { values, mean: mean(values), std: Number.isNaN(std) ? null : std, absent: null, best: false };
}

function rowOf(optimizer: OptimizerKind, weights: RowWeights, runs: readonly RunResult[]): ResultsRow {
  const sorted = [...runs].sort((a, b) => a.seed - b.seed);
  const seeds = sorted.map((r) => r.seed);
  const metrics = sorted.map((r) => {
    const last = r.epochs[r.epochs.length - 1];
    return weights === 'mean' ? last.mean : last.bayes;
  });
  const missing = seeds.filter((_, i) => metrics[i] === null);
  const cells = Object.fromEntries(METRIC_KEYS.map((k) => [k, cellOf(metrics.map((m) => (m ? m[k] : NaN)), seeds, missing)])) as Record<MetricKey, MetricCell>;
  return { optimizer, weights, seeds, cells };
}

/** The table shows means and stds to this many decimals (the exports keep full doubles). */
export const TABLE_DECIMALS = 3;

const shown = (v: number) => Number(v.toFixed(TABLE_DECIMALS));

/**
 * Marks, per column, every row whose mean, as the table shows it (TABLE_DECIMALS), equals the best: two
 * cells that read the same are both marked, so the mark never picks a winner by float noise or by a
 * difference nobody can see.
 */
function markBest(rows: readonly ResultsRow[]): void {
  for (const key of METRIC_KEYS) {
    const present = rows.map((r) => r.cells[key]).filter((c) => c.mean !== null);
    if (present.length === 0) continue;
    const values = present.map((c) => shown(c.mean as number));
    const best = HIGHER_IS_BETTER[key] ? Math.max(...values) : Math.min(...values);
    for (let i = 0; i < present.length; i++) present[i].best = values[i] === best;
  }
}

/**
 * The table of the finished runs (running or cancelled runs, and runs without an epoch, are left out;
 * of two finished runs of one optimizer and seed, the later in `runs`),
 * rows in the optimizers' usual order (SGD, Adam, SAM (SGD), SAM (Adam), bSAM), bSAM's model-average
 * row right after its mean-weights row.
 */
export function resultsTable(runs: readonly RunResult[]): ResultsTable {
  // One run per optimizer and seed: a seed trained again replaces its earlier run (the later one in
  // `runs` wins) rather than counting twice in n and the spread.
  const bySeed = new Map<string, RunResult>();
  for (const r of runs) if (r.finished && r.epochs.length > 0) bySeed.set(`${r.optimizer}/${r.seed}`, r);
  const done = [...bySeed.values()];
  const rows: ResultsRow[] = [];
  for (const kind of OPTIMIZER_KINDS) {
    const group = done.filter((r) => r.optimizer === kind);
    if (group.length === 0) continue;
    rows.push(rowOf(kind, 'mean', group));
    if (kind === 'bsam') rows.push(rowOf(kind, 'bayes', group));
  }
  markBest(rows);
  return { rows };
}
