/**
 * How the results table writes its numbers: three decimals for the mean and the std alike (the paper's
 * metrics live in [0, 1] or near it, and three decimals is finer than the seed-to-seed spread), a true
 * minus sign as the kit writes it. The exports carry the full doubles.
 */
import { format } from 'd3';
import { TABLE_DECIMALS } from './results-table.ts';
import type { MetricCell } from './results-table.ts';

const fixed = format(`.${TABLE_DECIMALS}f`);

export function formatFixed(v: number): string {
  const s = fixed(v);
  // d3 writes −0.000 for tiny negatives; a rounded zero has no sign.
  return (Number(s.replace('−', '-')) === 0 ? fixed(0) : s).replace('-', '−');
}

/** "0.823 ± 0.004", "0.823" with one seed, or null when the cell is absent (its reason says why). */
export function formatCell(cell: MetricCell): string | null {
  if (cell.mean === null) return null;
  return cell.std === null ? formatFixed(cell.mean) : `${formatFixed(cell.mean)} ± ${formatFixed(cell.std)}`;
}
