/** Local refinement of a maximiser found on a grid: parabolic steps, each checked by evaluation. */

export interface Peak {
  x: number;
  value: number;
}

/** Vertex of the parabola through three points; null unless the parabola is strictly concave. */
export function parabolaVertex(x0: number, f0: number, x1: number, f1: number, x2: number, f2: number): number | null {
  const slopeLeft = (f1 - f0) / (x1 - x0);
  const slopeRight = (f2 - f1) / (x2 - x1);
  const curvature = (slopeRight - slopeLeft) / (x2 - x0);
  if (!(curvature < 0)) return null;
  // f(x) = f1 + s (x − x1) + curvature (x − x1)², with s the centred slope at x1.
  const s = slopeLeft + curvature * (x1 - x0);
  // Values near the largest double (1e308·θ²) overflow the differences: ∞/∞ would give a NaN vertex.
  const vertex = x1 - s / (2 * curvature);
  return Number.isFinite(vertex) ? vertex : null;
}

/**
 * Improve a grid maximiser `best` of g on [lo, hi] (g continuous near it). `step` is the grid spacing.
 * The result is always a point where g was evaluated, so it never overstates the max.
 */
export function refinePeak(g: (x: number) => number, best: Peak, step: number, lo: number, hi: number): Peak {
  let result = best;
  for (let h = step, iter = 0; iter < 3; iter++, h /= 10) {
    const xl = Math.max(lo, result.x - h);
    const xr = Math.min(hi, result.x + h);
    if (!(xr > result.x && result.x > xl)) break;
    const fl = g(xl);
    const fr = g(xr);
    const v = parabolaVertex(xl, fl, result.x, result.value, xr, fr);
    if (fl > result.value) result = { x: xl, value: fl };
    if (fr > result.value) result = { x: xr, value: fr };
    if (v === null || !(v > lo && v < hi)) continue;
    const fv = g(v);
    if (fv > result.value) result = { x: v, value: fv };
  }
  return result;
}
