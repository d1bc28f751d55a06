import type { Loss1D, ObjectiveName } from './objectives.ts';

export interface Landscape1DInput {
  loss: Loss1D;
  /** Plot domain [from, to] of the mean m; from < to. */
  from: number;
  to: number;
  /** Number of output grid points (linspace(from, to, points)), 2 ≤ points ≤ 1e6. */
  points: number;
  /** Posterior standard deviation σ > 0. */
  sigma: number;
  /** SAM radius ρ ≥ 0. */
  rho: number;
}

/**
 * All curves on the output grid. Values are numbers only where they were computed exactly;
 * +Infinity marks a value proven infinite (e.g. ℓ grows too fast for R_σ),
 * NaN marks a value that could not be computed (ℓ not finite nearby, or the maximiser hit the
 * truncated domain). `warnings` says which and why.
 */
export interface Landscape1D {
  theta: Float64Array;
  loss: Float64Array;
  expected: Float64Array;
  sam: Float64Array;
  relaxed: Float64Array;
  /** ε*(m), the maximiser of the relaxed objective minus m. */
  eps: Float64Array;
  /** ρ_eq(m) = |ε*(m)| = σ²|ℓ'(m+ε*)| (theory.md §2 fact 4). */
  rhoEq: Float64Array;
  biconjugate: Float64Array;
  /** Location of the minimum of each objective on the grid (refined), null if none is finite. */
  argmin: Record<ObjectiveName, number | null>;
  warnings: string[];
}

/** The geometry drawn at the current mean m (theory.md §2 facts 1–4). */
export interface PointGeometry {
  m: number;
  sigma: number;
  rho: number;
  loss: number;
  expected: number;
  /** SAM: argmax of ℓ over [m−ρ, m+ρ] and the max. */
  samArgmax: number;
  sam: number;
  /** Relaxed: adversarial point m+ε*, ε*, R_σ(m); Q_σ(θ) = relaxed + (θ−m)²/(2σ²) touches ℓ there. */
  adversarial: number;
  eps: number;
  relaxed: number;
  rhoEq: number;
  /** Optimal quadratic majorant Q*(θ) = a + bθ + cθ² ≥ ℓ with E_q[Q*] = B_σ(m), and its extremal distribution. */
  majorant: { a: number; b: number; c: number } | null;
  atoms: { theta: number; weight: number }[];
  biconjugate: number;
  warnings: string[];
}

export interface MSigmaInput {
  loss: Loss1D;
  mFrom: number;
  mTo: number;
  mPoints: number;
  sigmaFrom: number;
  sigmaTo: number;
  /** σ values are log-spaced between sigmaFrom and sigmaTo. */
  sigmaPoints: number;
}

/** Row-major grids: row j is sigma[j], column i is m[i]. Non-finite entries as in Landscape1D. */
export interface MSigmaGrid {
  m: Float64Array;
  sigma: Float64Array;
  expected: Float64Array;
  biconjugate: Float64Array;
  gap: Float64Array;
  warnings: string[];
}
