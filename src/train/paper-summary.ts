/**
 * The paper's test metrics of a trained run (theory.md §8, test.py): for the mean weights and, for bSAM,
 * for the model average over its posterior samples. One function for the CLI's summary and the benches.
 */
import type { TrainingCore } from './core/training-core.ts';
import { metricsFromFlatProbabilities, type PaperMetrics } from './paper-metrics.ts';

export interface PaperSummary {
  mean: PaperMetrics;
  /** bSAM's model average; absent for the other optimizers (their average is the mean weights). */
  bayes?: PaperMetrics;
}

/** On the test split, or the training split when the run has no test rows. */
export function paperSummary(run: Pick<TrainingCore, 'table' | 'config' | 'predictRows'>): PaperSummary {
  const { test, train, classes } = run.table;
  const split = test.labels.length ? test : train;
  const p = run.predictRows(split.x);
  const mean = metricsFromFlatProbabilities(p.mean, classes, split.labels);
  return run.config.optimizer.kind === 'bsam' ? { mean, bayes: metricsFromFlatProbabilities(p.averaged, classes, split.labels) } : { mean };
}
