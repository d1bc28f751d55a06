/** How the (m, σ) panel names its three surfaces. */
export const SURFACE_LABELS = {
  expected: 'Expected loss E_σ(m) (Bayes)',
  biconjugate: 'Biconjugate B_σ(m) (optimal convex relaxation)',
  gap: 'Gap B − E (where the relaxation is loose)',
} as const;

export const SURFACE_SYMBOLS = { expected: 'E', biconjugate: 'B', gap: 'B − E' } as const;
