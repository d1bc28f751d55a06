import { formatNumber } from '../kit/format.ts';

/** A surface value for readouts: finite numbers, +∞ (proven infinite) or NaN (not computable). */
export function formatValue(v: number | undefined): string {
  if (v === undefined) return 'outside the grid';
  if (v === Infinity) return '+∞';
  if (v === -Infinity) return '−∞';
  if (Number.isNaN(v)) return 'not computable';
  return formatNumber(v);
}

export const SURFACE_LABELS = {
  expected: 'Expected loss E_σ(m) (Bayes)',
  biconjugate: 'Biconjugate B_σ(m) (optimal convex relaxation)',
  gap: 'Gap B − E (where the relaxation is loose)',
} as const;

export const SURFACE_SYMBOLS = { expected: 'E', biconjugate: 'B', gap: 'B − E' } as const;
