/** Shared types of the 2-D landscapes: grids are row-major, row i is y_i, column j is x_j. */

/** A scalar loss of a 2-D parameter θ = (x, y). May return non-finite values; callers report them. */
export type Loss2D = (x: number, y: number) => number;

export const OBJECTIVES_2D = ['loss', 'expected', 'sam', 'relaxed'] as const;
export type Objective2D = (typeof OBJECTIVES_2D)[number];

export interface View2D {
  xFrom: number;
  xTo: number;
  yFrom: number;
  yTo: number;
}

export interface Landscape2DInput extends View2D {
  loss: Loss2D;
  /** Points per axis (the output grid is points × points). */
  points: number;
  /** Posterior standard deviation σ > 0 of the isotropic Gaussian N(0, σ²I). */
  sigma: number;
  /** SAM radius ρ ≥ 0 (the disk ‖ε‖ ≤ ρ). */
  rho: number;
}

/**
 * The four objectives on the output grid (length points²). As in 1-D: +Infinity marks a value proven
 * infinite, NaN one that could not be computed; `warnings` says which and why.
 */
export interface Landscape2D {
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  expected: Float64Array;
  sam: Float64Array;
  relaxed: Float64Array;
  warnings: string[];
}
