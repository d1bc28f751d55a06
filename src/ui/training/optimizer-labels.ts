import type { OptimizerKind } from '../../state/training.ts';

/** How the optimizers are named in the controls, plot titles and legends. */
export const OPTIMIZER_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD (momentum)',
  adam: 'Adam',
  'sam-sgd': 'SAM (SGD)',
  'sam-adam': 'SAM (Adam)',
  bsam: 'bSAM',
};
