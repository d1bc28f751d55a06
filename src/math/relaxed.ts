/**
 * `relaxed`: R_σ(m) = sup_ε [ℓ(m+ε) − ε²/(2σ²)] and its maximiser ε*(m) for every output m (theory.md §3).
 *
 * With θ = m+ε on a grid of spacing h, −2σ²R(m)/h² = min_p [(p − q)² + f_p], f_p = −2σ²ℓ_p/h²: the 1-D
 * squared-distance transform, computed for all q at once by the lower envelope of parabolas
 * (Felzenszwalb & Huttenlocher 2012) in O(n). Each grid maximiser is then refined continuously.
 */
import type { WorkingGrid } from './grid.ts';
import { penalisedUnbounded } from './growth.ts';
import type { Loss1D } from './objectives.ts';
import { lowerEnvelopeArgmin } from './lower-envelope.ts';
import { refinePeak } from './refine.ts';

export interface RelaxedResult {
  values: Float64Array;
  eps: Float64Array;
  /** Output points proven +∞ / truncated (the maximiser lies beyond the domain) / not computable. */
  infinite: number;
  truncated: number;
  notFinite: number;
}

/**
 * For each query index q, the p minimising (p − q)² + f[p] (f[p] = +∞ excludes p); −1 if none: the lower
 * envelope on unit spacing (the same arithmetic as a unit-spacing transform, so the same answers).
 */
export function distanceTransformArgmin(f: Float64Array, queries: Int32Array): Int32Array {
  const positions = Float64Array.from({ length: f.length }, (_, i) => i);
  const out = new Int32Array(queries.length);
  lowerEnvelopeArgmin(positions, f, Float64Array.from(queries), out);
  return out;
}

export function relaxedCurve(loss: Loss1D, grid: WorkingGrid, outputs: Int32Array, sigma: number): RelaxedResult {
  const { theta, values: l, h } = grid;
  const n = outputs.length;
  const values = new Float64Array(n);
  const eps = new Float64Array(n);
  const result = { values, eps, infinite: 0, truncated: 0, notFinite: 0 };
  if (l.some((x) => x === Infinity)) {
    values.fill(Infinity);
    eps.fill(NaN);
    result.infinite = n;
    return result;
  }
  const scale = (2 * sigma * sigma) / (h * h);
  const f = new Float64Array(l.length);
  for (let j = 0; j < l.length; j++) f[j] = Number.isFinite(l[j]) ? -scale * l[j] : Infinity;
  const argmin = distanceTransformArgmin(f, outputs);
  const last = theta.length - 1;
  const halfWidth = (theta[last] - theta[0]) / 2;
  const inv2s2 = 1 / (2 * sigma * sigma);
  for (let i = 0; i < n; i++) {
    const m = theta[outputs[i]];
    const p = argmin[i];
    if (p < 0) {
      values[i] = NaN;
      eps[i] = NaN;
      result.notFinite++;
      continue;
    }
    if (p === 0 || p === last) {
      const unbounded = penalisedUnbounded(loss, m, sigma, halfWidth, p === 0 ? -1 : 1);
      values[i] = unbounded ? Infinity : NaN;
      eps[i] = NaN;
      if (unbounded) result.infinite++;
      else result.truncated++;
      continue;
    }
    const g = (t: number) => loss(t) - (t - m) * (t - m) * inv2s2;
    const d = theta[p] - m;
    let best = { x: theta[p], value: l[p] - d * d * inv2s2 };
    // ε = 0 is always feasible: R ≥ ℓ(m) exactly, whatever the grid.
    if (l[outputs[i]] > best.value) best = { x: m, value: l[outputs[i]] };
    best = refinePeak(g, best, h, theta[0], theta[last]);
    values[i] = best.value;
    eps[i] = best.x - m;
  }
  return result;
}
