/** Hand-made runs for the results views' tests (not part of the app). */
import type { OptimizerKind } from '../../../state/training.ts';
import type { PaperMetrics } from '../../../train/paper-metrics.ts';
import type { RunResult } from './run-result.ts';

export const metrics = (accuracy: number, nll: number, ece: number, auroc: number): PaperMetrics => ({ accuracy, nll, ece, auroc });

/** A run whose last epoch has these metrics, after an earlier epoch with worse ones that must be ignored. */
export function run(optimizer: OptimizerKind, seed: number, mean: PaperMetrics, bayes: PaperMetrics | null = null, finished = true): RunResult {
  const early = { epoch: 1, trainLoss: 2, mean: metrics(0.1, 9, 0.9, 0.5), bayes: bayes && metrics(0.1, 9, 0.9, 0.5), trainSeconds: 1 };
  return { optimizer, seed, finished, reliability: null, epochs: [early, { epoch: 2, trainLoss: 1, mean, bayes, trainSeconds: 1 }] };
}

/** Two seeds of SGD and of bSAM (with model average): the table's usual shape. */
export const SAMPLE_RUNS: RunResult[] = [
  run('bsam', 1, metrics(0.8, 0.5, 0.02, 0.85), metrics(0.81, 0.45, 0.01, 0.86)),
  run('sgd', 1, metrics(0.82, 0.6, 0.05, 0.8)),
  run('sgd', 0, metrics(0.8, 0.4, 0.03, 0.84)),
  run('bsam', 0, metrics(0.82, 0.5, 0.02, 0.87), metrics(0.83, 0.45, 0.01, 0.88)),
  run('sam-sgd', 0, metrics(0.99, 0.1, 0.001, 0.99), null, false), // unfinished: left out of the table
];
