/**
 * The y-range of the landscape plot. Objectives such as R_σ can be orders of magnitude above the loss
 * near the ends of the domain, and letting them set the range would flatten every other curve. So the
 * loss's own range (always computed, even when hidden) sets a window of reasonable values, the visible
 * curves extend the range only within that window, and whatever lies beyond is clipped by the plot.
 */
export interface YRangeOptions {
  /** How far above the loss's maximum a curve may stretch the range, in loss spans. */
  above: number;
  /** How far below the loss's minimum, in loss spans. */
  below: number;
  /** Extra room at the bottom, as a fraction of the range, for the Gaussian drawn there. */
  bottomRoom: number;
}

const DEFAULTS: YRangeOptions = { above: 1, below: 0.5, bottomRoom: 0.2 };

function finiteExtent(values: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The y-domain stays within ±LIMIT so that its span, and a scale's arithmetic on it, never overflow. */
const LIMIT = 8e307;
const SCALE = 2 ** -64;

export function chooseYDomain(
  reference: ArrayLike<number>,
  visible: readonly ArrayLike<number>[],
  options: Partial<YRangeOptions> = {},
): [number, number] {
  const largest = Math.max(...[reference, ...visible].map((a) => finiteExtent(a) ?? [0, 0]).flat().map(Math.abs));
  if (largest <= 1e300) return chooseWithin(reference, visible, options);
  // Values near the largest double (1e308·θ²): the range arithmetic would overflow, so work at 2⁻⁶⁴ scale
  // (exact: a power of two) and clamp.
  const scaled = (a: ArrayLike<number>) => Float64Array.from(a, (v) => v * SCALE);
  const [lo, hi] = chooseWithin(scaled(reference), visible.map(scaled), options);
  return [Math.max(-LIMIT, lo / SCALE), Math.min(LIMIT, hi / SCALE)];
}

function chooseWithin(
  reference: ArrayLike<number>,
  visible: readonly ArrayLike<number>[],
  options: Partial<YRangeOptions>,
): [number, number] {
  const o = { ...DEFAULTS, ...options };
  const extents = visible.map(finiteExtent).filter((e): e is [number, number] => e !== null);
  const ref = finiteExtent(reference) ?? (extents.length ? [Math.min(...extents.map((e) => e[0])), Math.max(...extents.map((e) => e[1]))] : null);
  if (!ref) return [0, 1];
  let span = ref[1] - ref[0];
  // A flat loss (e.g. a constant) still needs a visible range around its value.
  if (!(span > 1e-12 * Math.max(1, Math.abs(ref[1])))) span = Math.max(1, Math.abs(ref[1])) * 0.5;
  const windowLo = ref[0] - o.below * span;
  const windowHi = ref[1] + o.above * span;
  let lo = extents.length ? Math.min(...extents.map((e) => e[0])) : ref[0];
  let hi = extents.length ? Math.max(...extents.map((e) => e[1])) : ref[1];
  lo = Math.max(lo, windowLo);
  hi = Math.min(hi, windowHi);
  if (!(hi - lo > 1e-12 * Math.max(1, Math.abs(hi)))) {
    lo -= span / 2;
    hi += span / 2;
  }
  const pad = 0.05 * (hi - lo);
  return [lo - pad - o.bottomRoom * (hi - lo), hi + pad];
}
