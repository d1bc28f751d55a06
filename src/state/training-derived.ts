/**
 * Values derived from the training config rather than stored, so that each has one source: the weight decay
 * the optimizers use and bSAM's data size, both as the official train.py derives them from --priorprec and
 * --dafactor (theory.md §8).
 */
import type { TrainingConfig } from './training.ts';

type Optimizer = Pick<TrainingConfig['optimizer'], 'weightDecay' | 'priorPrecision' | 'dafactor'>;

/** δ for N training examples: priorprec / (N · dafactor) when the prior precision is set, else as given. */
export function weightDecayOf(optimizer: Optimizer, trainSize: number): number {
  return optimizer.priorPrecision === null ? optimizer.weightDecay : optimizer.priorPrecision / (trainSize * optimizer.dafactor);
}

/** The prior precision the weight decay stands for: priorprec as set, else δ · N · dafactor (for display and export). */
export function priorPrecisionOf(optimizer: Optimizer, trainSize: number): number {
  return optimizer.priorPrecision ?? optimizer.weightDecay * trainSize * optimizer.dafactor;
}

/** bSAM's N (`Ndata`): N · dafactor, in the step's noise scale and in the posterior N(w, 1/(N · dafactor · s)). */
export function bsamDataSize(optimizer: Pick<Optimizer, 'dafactor'>, trainSize: number): number {
  return trainSize * optimizer.dafactor;
}
