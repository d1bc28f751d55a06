import { OPTIMIZER_NAMES } from './optimizer-names.ts';
import type { ResultsRow } from './results-table.ts';

/** A table row's name: the optimizer, and for bSAM which predictive (mean weights or model average). */
export function rowLabel(row: Pick<ResultsRow, 'optimizer' | 'weights'>): string {
  const name = OPTIMIZER_NAMES[row.optimizer];
  if (row.optimizer !== 'bsam') return name;
  return row.weights === 'bayes' ? `${name} (model average)` : `${name} (mean weights)`;
}
