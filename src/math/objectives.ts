/**
 * The five objectives of theory.md §2, by the names used everywhere (code, CLI, UI).
 * `loss` ℓ(m); `expected` E_σ(m) (Bayes); `sam` S_ρ(m) (max over the ρ-ball);
 * `relaxed` R_σ(m) (max-loss with Gaussian penalty); `biconjugate` B_σ(m) (optimal convex relaxation).
 */
export const OBJECTIVES = ['loss', 'expected', 'sam', 'relaxed', 'biconjugate'] as const;
export type ObjectiveName = (typeof OBJECTIVES)[number];

/** A scalar loss of one parameter. May return non-finite values; callers report them. */
export type Loss1D = (theta: number) => number;
