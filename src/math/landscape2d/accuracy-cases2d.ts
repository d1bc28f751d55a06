/**
 * The 2-D accuracy cases of issue "Exact everywhere": smooth, narrow, rotated, kinked, periodic and
 * saddle losses, each with the σ and ρ that broke the previous algorithm. Shared by the unit tests
 * (against the dense references) and bench/landscape2d.ts (the accuracy table).
 */
export interface AccuracyCase2D {
  id: string;
  expression: string;
  view: { xFrom: number; xTo: number; yFrom: number; yTo: number };
  points: number;
  sigma: number;
  rho: number;
  /** The loss has kinks (the dense expectation then needs more panels). */
  kinked?: boolean;
}

const V = { xFrom: -1.5, xTo: 1.5, yFrom: -1.5, yTo: 1.5 };

export const ACCURACY_CASES_2D: readonly AccuracyCase2D[] = [
  { id: 'smooth bowl + wells', expression: '0.03*(x^2 + y^2) - 1.2*exp(-((x+1.5)^2 + y^2)/(2*0.2^2)) - 0.8*exp(-((x-1.5)^2 + y^2)/(2*0.8^2))', view: { xFrom: -3, xTo: 3, yFrom: -3, yTo: 3 }, points: 17, sigma: 0.4, rho: 0.3 },
  { id: 'narrow well and bump', expression: '0.2*(x^2 + y^2) - exp(-((x-0.31)^2 + (y+0.17)^2)/0.005) + 1.5*exp(-((x+0.4)^2 + (y-0.5)^2)/0.003)', view: V, points: 13, sigma: 0.05, rho: 0.05 },
  { id: 'rotated valley', expression: 'tanh((0.8*x - 0.6*y)^2/0.05) + 0.1*(x^2 + y^2)', view: V, points: 13, sigma: 0.2, rho: 0.25 },
  { id: 'concave ridge (kink)', expression: '-abs(0.6*x + 0.8*y) + 0.1*(x^2 + y^2)', view: V, points: 13, sigma: 0.3, rho: 0.4, kinked: true },
  { id: 'convex kinks on grid lines', expression: 'abs(x) + abs(y)', view: V, points: 13, sigma: 0.5, rho: 0.3, kinked: true },
  { id: 'egg-crate, large ρ', expression: 'sin(3*x)*sin(3*y)', view: V, points: 13, sigma: 0.3, rho: 1.7 },
  { id: 'saddle', expression: '0.3*(x^2 - y^2)', view: V, points: 13, sigma: 0.5, rho: 0.5 },
  { id: 'tiny σ and ρ', expression: 'sin(2*x + y) + 0.5*cos(3*y)', view: V, points: 13, sigma: 0.01, rho: 0.001 },
  { id: 'large σ and ρ', expression: '1 - exp(-((x-0.5)^2 + y^2)/2) + 0.4*exp(-((x+0.5)^2 + (y+0.5)^2)/0.5)', view: V, points: 9, sigma: 5, rho: 5 },
  { id: 'tall feature outside the view', expression: '20*exp(-((x-1.3)^2 + y^2)/0.01)', view: { xFrom: -1, xTo: 1, yFrom: -1, yTo: 1 }, points: 21, sigma: 0.05, rho: 0.05 },
];
