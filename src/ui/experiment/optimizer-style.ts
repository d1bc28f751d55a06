/** How the experiment names and colours its optimizers: the names are the results views' (one source). */
import type { OptimizerKind } from '../../state/training.ts';

export { OPTIMIZER_NAMES } from './results/optimizer-names.ts';

/** Tableau-like colours, distinct in print and for the common colour-vision deficiencies. */
export const OPTIMIZER_COLOURS: Record<OptimizerKind, string> = {
  sgd: '#4e79a7',
  adam: '#59a14f',
  'sam-sgd': '#f28e2b',
  'sam-adam': '#b07aa1',
  bsam: '#e15759',
};
