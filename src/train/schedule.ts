/**
 * The epoch arithmetic both training engines share (run.ts on tfjs, fused/fused-run.ts): batches per epoch and
 * the learning-rate factor, as the official demo runs them.
 */
import type { TrainingConfig } from '../state/training.ts';
import { isImageDataset } from '../state/training.ts';

/** The batch size actually used: never more than the training set. */
export function effectiveBatchSize(config: TrainingConfig, trainSize: number): number {
  return Math.min(config.batchSize, trainSize);
}

/**
 * Whether an epoch trains its irregular last batch too. The image experiments keep it, as the official
 * train.py does (it iterates a DataLoader, theory.md §8); the 2-D toys skip it, as the official demo does.
 */
export function keepsLastBatch(config: Pick<TrainingConfig, 'dataset'>): boolean {
  return isImageDataset(config.dataset.kind);
}

/** Steps per epoch: every full batch, plus the irregular last one where it is kept (keepsLastBatch). */
export function stepsPerEpoch(config: TrainingConfig, trainSize: number): number {
  const b = effectiveBatchSize(config, trainSize);
  return Math.max(1, keepsLastBatch(config) ? Math.ceil(trainSize / b) : Math.floor(trainSize / b));
}

/** The rows of an epoch's batch `k` (0-based): the batch size, or what is left for a kept last batch. */
export function batchRows(config: TrainingConfig, trainSize: number, k: number): number {
  const b = effectiveBatchSize(config, trainSize);
  return Math.min(b, trainSize - k * b);
}

/**
 * The schedule's factor on α for the epoch being trained (0-based; a run of `epochs` epochs trains e = 0 …
 * epochs − 1):
 *  - 'constant': 1;
 *  - 'cosine' (the official 2-D demo): ½(1 + cos(π·e/epochs));
 *  - 'warmup-cosine' (the official train.py, theory.md §8): for e < warmup, linspace(0, 1, warmup + 1)[e + 1]
 *    = (e + 1)/warmup; after, t = (e − warmup)/(epochs + 1 − warmup) and ½(1 + cos πt).
 * Past the run's last epoch (training on after it finished) the factor stays at the last epoch's: a cosine
 * evaluated further would climb back to its peak and re-warm a finished run until it diverges.
 */
export function lrFactor(config: Pick<TrainingConfig, 'schedule' | 'epochs' | 'warmup'>, epoch: number): number {
  const e = Math.min(epoch, config.epochs - 1);
  switch (config.schedule) {
    case 'constant':
      return 1;
    case 'cosine':
      return 0.5 * (1 + Math.cos((Math.PI * e) / config.epochs));
    case 'warmup-cosine': {
      const warmup = config.warmup;
      if (e < warmup) return (e + 1) / warmup;
      const t = (e - warmup) / (config.epochs + 1 - warmup);
      return 0.5 * (1 + Math.cos(Math.PI * t));
    }
  }
}

/** The factor a finished run keeps if trained on: that of its last epoch. */
export function finalLrFactor(config: Pick<TrainingConfig, 'schedule' | 'epochs' | 'warmup'>): number {
  return lrFactor(config, config.epochs - 1);
}

/** The most metric rows a run records over its configured epochs (a 100,000-epoch run keeps 500, not 100,000). */
export const MAX_METRIC_ROWS = 500;

/**
 * Every how many epochs a run records a metric row (the train loss of that epoch and an evaluation after it):
 * every epoch up to MAX_METRIC_ROWS epochs, else a fixed stride. It depends on the config alone, so an export
 * has the same rows on every machine and at every speed.
 */
export function metricStride(config: Pick<TrainingConfig, 'epochs'>): number {
  return Math.max(1, Math.ceil(config.epochs / MAX_METRIC_ROWS));
}

/** Whether the run records a metric row after completing `epoch` epochs (the last one is always recorded). */
export function recordsEpoch(config: Pick<TrainingConfig, 'epochs'>, epoch: number, endEpoch: number = config.epochs): boolean {
  return epoch % metricStride(config) === 0 || epoch === endEpoch;
}
