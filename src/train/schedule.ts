/**
 * The epoch arithmetic both training engines share (run.ts on tfjs, fused/fused-run.ts): batches per epoch and
 * the learning-rate factor, as the official demo runs them.
 */
import type { TrainingConfig } from '../state/training.ts';

/** The batch size actually used: never more than the training set. */
export function effectiveBatchSize(config: TrainingConfig, trainSize: number): number {
  return Math.min(config.batchSize, trainSize);
}

/** Steps per epoch: the irregular last batch is skipped, as in the official demo. */
export function stepsPerEpoch(config: TrainingConfig, trainSize: number): number {
  return Math.max(1, Math.floor(trainSize / effectiveBatchSize(config, trainSize)));
}

/** The schedule's factor on α at an epoch: ½(1 + cos(π·epoch/epochs)) for cosine, else 1. */
export function lrFactor(config: TrainingConfig, epoch: number): number {
  return config.schedule === 'cosine' ? 0.5 * (1 + Math.cos((Math.PI * epoch) / config.epochs)) : 1;
}
