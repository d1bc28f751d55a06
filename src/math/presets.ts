/**
 * Built-in 1-D losses. Each expression goes through the same parser as typed text.
 *
 * Except for `double-well` (deliberately quartic, to show the +∞ case of theory.md §2 fact 7), every
 * loss grows at most like aθ²/2 with a small a (or saturates), so `relaxed` and `biconjugate` stay
 * finite for the suggested σ: R_σ is finite only when aσ² < 1.
 *
 * The sharp-flat numbers were checked by brute force (dense Gaussian averaging, grid sup, grid hull):
 * the argmin of `expected` is in the sharp well for σ ≤ 0.15 and in the flat one for σ ≥ 0.2,
 * `biconjugate` switches between σ = 0.1 and 0.15, `relaxed` between 0.2 and 0.3, and `sam`
 * between ρ = 0.1 and 0.2.
 */
export interface LossPreset {
  id: string;
  name: string;
  /** The expression in theta (goes through the same parser as typed text). */
  expression: string;
  description: string;
  /** Suggested plot domain and sliders. */
  from: number;
  to: number;
  sigma: number;
  rho: number;
  m: number;
}

export const LOSS_PRESETS: readonly LossPreset[] = [
  {
    id: 'sharp-flat',
    name: 'Sharp and flat minima (Fig. 1)',
    // Narrow deep well at −1.5 (width 0.15, depth 1.2), wide shallower well at +1.5 (width 0.8, depth 0.8), gentle bowl.
    expression: '0.05*theta^2 - 1.2*exp(-(theta+1.5)^2/(2*0.15^2)) - 0.8*exp(-(theta-1.5)^2/(2*0.8^2))',
    description:
      'A deep but narrow minimum at θ ≈ −1.5 and a shallower wide one at θ ≈ 1.4: with small σ (≈ 0.1) or ρ every objective prefers the sharp minimum, and as σ or ρ grows (σ ≳ 0.3, ρ ≳ 0.2) the minimisers jump to the flat one.',
    from: -3,
    to: 3,
    sigma: 0.5,
    rho: 0.3,
    m: -1.5,
  },
  {
    id: 'double-well',
    name: 'Double well (quartic)',
    expression: '(theta^2 - 1)^2',
    description:
      'Two equal minima at θ = ±1, but the loss grows faster than quadratically, so the relaxations are +∞: no Gaussian penalty can hold the adversary back, while the expected loss and SAM stay finite.',
    from: -2,
    to: 2,
    sigma: 0.3,
    rho: 0.3,
    m: 1,
  },
  {
    id: 'bounded-double-well',
    name: 'Double well (saturating)',
    expression: '1 - exp(-(theta^2 - 1)^2)',
    description:
      'The same two minima at θ = ±1, but the loss levels off at 1, so every relaxation is finite; for large σ (≈ 0.8) the two wells merge and the minimisers move to θ = 0.',
    from: -2.5,
    to: 2.5,
    sigma: 0.3,
    rho: 0.3,
    m: 1,
  },
  {
    id: 'asymmetric-valley',
    name: 'Asymmetric valley',
    // A hyperbola plus a tilt: slopes +1.8 on the right and −0.2 on the left, minimum at θ ≈ −0.42.
    expression: 'sqrt(0.1 + theta^2) + 0.8*theta',
    description:
      'A valley with a steep wall on the right and a gentle slope on the left: averaging over noise (larger σ) pushes the minimiser of the expected loss towards the gentle side.',
    from: -3,
    to: 2,
    sigma: 0.5,
    rho: 0.3,
    m: -0.42,
  },
  {
    id: 'quadratic',
    name: 'Quadratic',
    expression: '0.5*theta^2',
    description:
      'ℓ = θ²/2 has closed forms: expected = biconjugate = (m² + σ²)/2, relaxed = m²/(2(1 − σ²)) (finite only for σ < 1), sam = (|m| + ρ)²/2.',
    from: -3,
    to: 3,
    sigma: 0.5,
    rho: 0.3,
    m: 1,
  },
  {
    id: 'abs',
    name: 'Absolute value',
    expression: 'abs(theta)',
    description:
      'A kink at 0 with slope ±1: the expected loss rounds the kink off, while relaxed = |m| + σ²/2 and sam = |m| + ρ keep it.',
    from: -3,
    to: 3,
    sigma: 0.5,
    rho: 0.3,
    m: 0.5,
  },
  {
    id: 'wiggly',
    name: 'Wiggly bowl',
    expression: '0.1*theta^2 + 0.3*sin(8*theta)',
    description:
      'A wide bowl covered in small ripples with many local minima: as σ or ρ grows the ripples are smoothed away and only the bowl is left.',
    from: -4,
    to: 4,
    sigma: 0.3,
    rho: 0.2,
    m: 1,
  },
];

export function findPreset(id: string): LossPreset | undefined {
  return LOSS_PRESETS.find((p) => p.id === id);
}
