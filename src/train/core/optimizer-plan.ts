/**
 * The one reading of a TrainingConfig's optimizer that both engines follow: which update rule (bSAM, or SGD /
 * Adam with or without SAM's ascent step) and its hyper-parameters in the engines' own terms. Both engines
 * once parsed the kind by its spelling (`endsWith('adam')`, `startsWith('sam')`); a new kind now fails to
 * compile here instead of silently training as SGD.
 */
import type { OptimizerKind, TrainingConfig } from '../../state/training.ts';
import { bsamDataSize, weightDecayOf } from '../../state/training-derived.ts';
import type { BsamHyper } from '../bsam.ts';
import type { BaseOptimizer, OptimizerHyper } from '../optimizers.ts';

/** Adam's ε in the denominator: the official code's default, not a user setting. */
export const ADAM_EPSILON = 1e-8;

export type OptimizerPlan =
  | { readonly family: 'bsam'; readonly hyper: BsamHyper; readonly msharpness: number; readonly sInit: number }
  | {
      readonly family: 'first-order';
      readonly base: BaseOptimizer;
      readonly samRho: number | null;
      /** SAM's m-sharpness K (the official `--batchsplit`); 1 for plain SGD / Adam, which have no perturbation to split. */
      readonly msharpness: number;
      readonly hyper: OptimizerHyper;
    };

const FIRST_ORDER: Record<Exclude<OptimizerKind, 'bsam'>, { base: BaseOptimizer; sam: boolean }> = {
  sgd: { base: 'sgd', sam: false },
  adam: { base: 'adam', sam: false },
  'sam-sgd': { base: 'sgd', sam: true },
  'sam-adam': { base: 'adam', sam: true },
};

/**
 * The plan for a config trained on `trainSize` examples. As the official train.py: the weight decay is
 * priorprec / (N · dafactor) when the prior precision is set, and bSAM's N (`Ndata`, in the posterior variance
 * 1/(N·s)) is N · dafactor (src/state/training-derived.ts).
 */
export function planOptimizer(optimizer: TrainingConfig['optimizer'], trainSize: number): OptimizerPlan {
  const o = optimizer;
  const weightDecay = weightDecayOf(o, trainSize);
  if (o.kind === 'bsam') {
    const hyper: BsamHyper = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay, rho: o.rho, damping: o.damping, dataSize: bsamDataSize(o, trainSize) };
    return { family: 'bsam', hyper, msharpness: o.msharpness, sInit: o.sInit };
  }
  const { base, sam } = FIRST_ORDER[o.kind];
  const hyper: OptimizerHyper = { learningRate: o.learningRate, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: ADAM_EPSILON, weightDecay };
  return { family: 'first-order', base, samRho: sam ? o.rho : null, msharpness: sam ? o.msharpness : 1, hyper };
}

/**
 * The sub-batches of a step on a batch of `rows` (m-sharpness, SAM and bSAM alike, as the official optim.py):
 * K = msharpness, but never more than the rows. The engines cut the batch into K sub-batches of ⌊rows/K⌋ rows
 * and drop the rows beyond K·⌊rows/K⌋ (the official reshape needs equal sub-batches). Plain SGD and Adam: 1.
 */
export function subBatchCount(plan: OptimizerPlan, rows: number): number {
  return Math.min(plan.msharpness, rows);
}
