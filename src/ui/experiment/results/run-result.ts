/**
 * What one finished (or running) training run of the Fashion-MNIST experiment hands to the results views:
 * the experiment panel's worker fills these in; the table, curves, reliability diagrams and gallery read them.
 * Plain data (structured-clone safe), so it crosses the worker boundary and goes into exports as it is.
 */
import type { CalibrationBin, PaperMetrics } from '../../../train/paper-metrics.ts';
import type { OptimizerKind } from '../../../state/training.ts';

/** One epoch's record: the training loss and the paper's test metrics after that epoch. */
export interface EpochRecord {
  epoch: number;
  /** Mean training loss over the epoch's steps. */
  trainLoss: number;
  /** Test metrics under the mean weights. */
  mean: PaperMetrics;
  /** bSAM only: test metrics of the model average over the posterior samples; null for the others. */
  bayes: PaperMetrics | null;
  /** Wall time of this epoch's training steps alone (no evaluation), seconds. */
  trainSeconds: number;
}

/** A run: one optimizer, one seed; `epochs` grows while it trains. */
export interface RunResult {
  optimizer: OptimizerKind;
  seed: number;
  epochs: EpochRecord[];
  /** True once every epoch has trained (a cancelled run stays false and is left out of the table). */
  finished: boolean;
  /** Reliability bins of the last evaluation (20 bins, as ECE), mean weights and (bSAM) model average. */
  reliability: { mean: CalibrationBin[]; bayes: CalibrationBin[] | null } | null;
}

/**
 * The last evaluation's test-set predictions of one run, for the gallery: probabilities row-major
 * (images × classes) under the mean weights and (bSAM) under the model average.
 */
export interface TestPredictions {
  optimizer: OptimizerKind;
  seed: number;
  classes: number;
  mean: Float32Array;
  bayes: Float32Array | null;
}
