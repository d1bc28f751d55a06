/** How the experiment names and colours its optimizers (the training lab's names, said again: panels do not import each other). */
import type { OptimizerKind } from '../../state/training.ts';

export const OPTIMIZER_NAMES: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  adam: 'Adam',
  'sam-sgd': 'SAM (SGD)',
  'sam-adam': 'SAM (Adam)',
  bsam: 'bSAM',
};

/** Tableau-like colours, distinct in print and for the common colour-vision deficiencies. */
export const OPTIMIZER_COLOURS: Record<OptimizerKind, string> = {
  sgd: '#4e79a7',
  adam: '#59a14f',
  'sam-sgd': '#f28e2b',
  'sam-adam': '#b07aa1',
  bsam: '#e15759',
};
