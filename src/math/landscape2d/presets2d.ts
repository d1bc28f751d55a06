/**
 * Built-in 2-D losses in x and y (the same parser as typed text). Each grows at most quadratically
 * with a small curvature (or saturates), so `relaxed` stays finite for the suggested σ.
 */
import type { View2D } from './types.ts';

export interface Loss2DPreset extends View2D {
  id: string;
  name: string;
  expression: string;
  description: string;
  sigma: number;
  rho: number;
  /** Suggested start of the optimizer paths and step size. */
  startX: number;
  startY: number;
  learningRate: number;
}

export const LOSS_2D_PRESETS: readonly Loss2DPreset[] = [
  {
    id: 'sharp-flat-2d',
    name: 'Sharp and flat basins',
    // A deep narrow basin at (−1.5, 0) and a shallower wide one at (1.5, 0) in a gentle bowl.
    expression: '0.03*(x^2 + y^2) - 1.2*exp(-((x+1.5)^2 + y^2)/(2*0.2^2)) - 0.8*exp(-((x-1.5)^2 + y^2)/(2*0.8^2))',
    description:
      'A deep narrow basin on the left and a shallower wide one on the right: with small σ or ρ every objective keeps the sharp basin, with larger ones the minimum moves to the wide basin.',
    xFrom: -3,
    xTo: 3,
    yFrom: -3,
    yTo: 3,
    sigma: 0.4,
    rho: 0.3,
    startX: -0.6,
    startY: 1.2,
    learningRate: 0.1,
  },
  {
    id: 'curved-valley',
    name: 'Narrow curved valley (Rosenbrock-like)',
    // log(1 + Rosenbrock): the same banana-shaped valley, but it saturates, so the relaxation is finite.
    expression: 'log(1 + (1 - x)^2 + 10*(y - x^2)^2)',
    description:
      'A narrow banana-shaped valley bending towards its minimum at (1, 1): gradient descent zig-zags across it, Adam follows it, and the noisy and worst-case objectives widen it.',
    xFrom: -2,
    xTo: 2,
    yFrom: -1,
    yTo: 3,
    sigma: 0.2,
    rho: 0.15,
    startX: -1.5,
    startY: 2,
    learningRate: 0.05,
  },
  {
    id: 'saddle',
    name: 'Saddle between two valleys',
    expression: '0.3*x^2 + 1.5*exp(-2*y^2) + 0.05*y^2',
    description:
      'A saddle at the origin between two valleys at y ≈ ±1.3: started near the ridge, plain gradient descent lingers at the saddle, while the noise of bSAM pushes it off sooner.',
    xFrom: -3,
    xTo: 3,
    yFrom: -3,
    yTo: 3,
    sigma: 0.3,
    rho: 0.2,
    startX: 2,
    startY: 0.05,
    learningRate: 0.1,
  },
  {
    id: 'multi-well',
    name: 'Multi-well',
    expression:
      '0.04*(x^2 + y^2) - exp(-((x-1)^2 + (y-1)^2)/0.3) - 0.8*exp(-((x+1.2)^2 + (y-0.6)^2)/0.8) - 1.1*exp(-((x-0.3)^2 + (y+1.3)^2)/0.08) + 0.1*sin(3*x)*cos(3*y)',
    description:
      'Three wells of different depths and widths on a rippled bowl: the deepest is the narrowest, so the minimiser of every smoothed objective moves to a wider well as σ or ρ grows.',
    xFrom: -3,
    xTo: 3,
    yFrom: -3,
    yTo: 3,
    sigma: 0.3,
    rho: 0.25,
    startX: 2.2,
    startY: -2.2,
    learningRate: 0.1,
  },
  {
    id: 'bowl',
    name: 'Quadratic bowl',
    expression: '0.5*(x^2 + 4*y^2)',
    description:
      'ℓ = (x² + 4y²)/2 has closed forms: expected = ℓ + σ²·(1 + 4)/2, relaxed = x²/(2(1 − σ²)) + 2y²/(1 − 4σ²) (finite for σ < ½); gradient descent contracts y by |1 − 4α| per step.',
    xFrom: -3,
    xTo: 3,
    yFrom: -3,
    yTo: 3,
    sigma: 0.3,
    rho: 0.2,
    startX: -2.5,
    startY: 2,
    learningRate: 0.1,
  },
];

export function findPreset2D(id: string): Loss2DPreset | undefined {
  return LOSS_2D_PRESETS.find((p) => p.id === id);
}
