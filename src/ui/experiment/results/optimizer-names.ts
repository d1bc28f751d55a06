import type { OptimizerKind } from '../../../state/training.ts';

/**
 * How the results name the optimizers: the paper's table names. The training panel has its own labels
 * (src/ui/training/optimizer-labels.ts), but a panel may not import another panel, so these live here.
 */
export const OPTIMIZER_NAMES: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  adam: 'Adam',
  'sam-sgd': 'SAM (SGD)',
  'sam-adam': 'SAM (Adam)',
  bsam: 'bSAM',
};
