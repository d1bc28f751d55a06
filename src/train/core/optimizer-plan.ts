/**
 * The one reading of a TrainingConfig's optimizer that both engines follow: which update rule (bSAM, or SGD /
 * Adam with or without SAM's ascent step) and its hyper-parameters in the engines' own terms. Both engines
 * once parsed the kind by its spelling (`endsWith('adam')`, `startsWith('sam')`); a new kind now fails to
 * compile here instead of silently training as SGD.
 */
import type { OptimizerKind, TrainingConfig } from '../../state/training.ts';
import type { BsamHyper } from '../bsam.ts';
import type { BaseOptimizer, OptimizerHyper } from '../optimizers.ts';

/** Adam's ε in the denominator: the official code's default, not a user setting. */
export const ADAM_EPSILON = 1e-8;

export type OptimizerPlan =
  | { readonly family: 'bsam'; readonly hyper: BsamHyper; readonly msharpness: number; readonly sInit: number }
  | { readonly family: 'first-order'; readonly base: BaseOptimizer; readonly samRho: number | null; readonly hyper: OptimizerHyper };

const FIRST_ORDER: Record<Exclude<OptimizerKind, 'bsam'>, { base: BaseOptimizer; sam: boolean }> = {
  sgd: { base: 'sgd', sam: false },
  adam: { base: 'adam', sam: false },
  'sam-sgd': { base: 'sgd', sam: true },
  'sam-adam': { base: 'adam', sam: true },
};

/** The plan for a config trained on `dataSize` examples (bSAM's N in the posterior variance 1/(N·s)). */
export function planOptimizer(optimizer: TrainingConfig['optimizer'], dataSize: number): OptimizerPlan {
  const o = optimizer;
  if (o.kind === 'bsam') {
    const hyper: BsamHyper = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay: o.weightDecay, rho: o.rho, damping: o.damping, dataSize };
    return { family: 'bsam', hyper, msharpness: o.msharpness, sInit: o.sInit };
  }
  const { base, sam } = FIRST_ORDER[o.kind];
  const hyper: OptimizerHyper = { learningRate: o.learningRate, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: ADAM_EPSILON, weightDecay: o.weightDecay };
  return { family: 'first-order', base, samRho: sam ? o.rho : null, hyper };
}

/** bSAM's sub-batches for a batch of `rows`: K = msharpness, but never more than the rows. */
export function subBatchCount(plan: OptimizerPlan, rows: number): number {
  return plan.family === 'bsam' ? Math.min(plan.msharpness, rows) : 1;
}
