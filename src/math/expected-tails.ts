/**
 * How far the Gaussian average E_σ(m) = ∫ ℓ(m + σz) φ(z) dz must look, and whether it is finite at all.
 *
 * The integrand's mass is not always within a few σ of m: for ℓ = e^{aθ} it peaks at z = aσ, and for
 * ℓ = e^{bθ²} with 2bσ² close to 1 it is spread over many σ. Beyond the plot domain we probe ℓ outward
 * from each edge and follow the log of the largest term it can add, log|ℓ(edge ± d)| − d²/(2σ²):
 * the reach ends where that has fallen 35 nats (e^{-35} ≈ 6e-16) below its peak (or below 0, for values
 * under 1, whose accuracy is absolute). ℓ ≥ e^{θ²/(2σ²)} would overflow a double within 38σ, so a
 * finite integrand has always decayed by 40σ; a loss that overflows before decaying either grows at
 * least like e^{θ²/(2σ²)} (the second difference of log ℓ is ≥ 1/σ²: E is ±∞) or makes E larger than
 * any double (not representable: said so, never a number).
 */
import type { Loss1D } from './objectives.ts';

/** Probes reach this many σ beyond the domain; the Gaussian weight there is e^{-800}. */
export const MAX_REACH = 40;
/** The least reach in σ, as before: e^{-40.5} of a loss of moderate range is far below any tolerance. */
export const MIN_REACH = 9;
const PROBES_PER_SIGMA = 4;
/** Terms smaller than e^{-DROP} times the peak term (or e^{-DROP} absolute) are negligible. */
const DROP = 35;

export type TailVerdict =
  /** The integrand decays within the reach. */
  | 'finite'
  /** ℓ grows at least like ±e^{θ²/(2σ²)} on this side: E = ±∞. */
  | 'plusInfinite'
  | 'minusInfinite'
  /** ℓ overflows (|ℓ| > 1.8e308) where the Gaussian weight still matters, without provably diverging. */
  | 'overflow';

export interface Tail {
  /** Reach beyond the domain edge, in σ. */
  reach: number;
  verdict: TailVerdict;
  /** Distance from the edge (in θ units) where ℓ first overflowed, or Infinity. */
  overflowAt: number;
}

/** The tail of ℓ beyond `edge` in direction `dir`, for the Gaussian average of width σ. */
export function probeTail(loss: Loss1D, edge: number, dir: 1 | -1, sigma: number): Tail {
  const step = sigma / PROBES_PER_SIGMA;
  const count = MAX_REACH * PROBES_PER_SIGMA;
  let peak = 0;
  let lastSignificant = 0;
  for (let k = 0; k <= count; k++) {
    const d = k * step;
    const v = loss(edge + dir * d);
    if (Number.isNaN(v)) break;
    if (!Number.isFinite(v)) {
      const grows = k > 0 && growsNearOverflow(loss, edge, dir, (k - 1) * step, d, sigma);
      const weightAtOverflow = 709.78 - (d * d) / (2 * sigma * sigma);
      if (grows) return { reach: MAX_REACH, verdict: v > 0 ? 'plusInfinite' : 'minusInfinite', overflowAt: d };
      // Beyond an overflow the loss is unknown; if even the largest double there carries no weight, fine.
      if (weightAtOverflow < peak - DROP) break;
      return { reach: Math.max(MIN_REACH, d / sigma + 1), verdict: 'overflow', overflowAt: d };
    }
    const lw = Math.log(Math.abs(v)) - (d * d) / (2 * sigma * sigma);
    if (lw > peak) peak = lw;
    if (lw >= peak - DROP) lastSignificant = d;
  }
  const reach = Math.min(MAX_REACH, Math.max(MIN_REACH, lastSignificant / sigma + 1));
  // Further out, ℓ may still overflow; if log ℓ is then curving up ever faster (e^{e^θ}, e^{θ³}), it
  // outgrows every Gaussian and E = ±∞ whatever σ is.
  let prev = count * step;
  for (let k = 1; k <= 60; k++) {
    const d = count * step * 2 ** k;
    const v = loss(edge + dir * d);
    if (Number.isNaN(v)) break;
    if (!Number.isFinite(v)) {
      if (growsNearOverflow(loss, edge, dir, prev, d, sigma)) return { reach, verdict: v > 0 ? 'plusInfinite' : 'minusInfinite', overflowAt: d };
      break;
    }
    prev = d;
  }
  return { reach, verdict: 'finite', overflowAt: Infinity };
}

/**
 * Whether log|ℓ| curves up at least as fast as θ²/(2σ²) just before it overflows, between the distances
 * `finite` (ℓ finite) and `over` (ℓ overflowed): the overflow point is found by bisection, then the second
 * difference of log|ℓ| over three points spaced by an eighth of the distance to it decides.
 */
function growsNearOverflow(loss: Loss1D, edge: number, dir: 1 | -1, finite: number, over: number, sigma: number): boolean {
  let lo = finite;
  let hi = over;
  for (let it = 0; it < 60 && hi - lo > 1e-12 * Math.max(1, hi); it++) {
    const mid = (lo + hi) / 2;
    if (Number.isFinite(loss(edge + dir * mid))) lo = mid;
    else hi = mid;
  }
  const s = Math.max(lo / 8, 1e-9 * Math.max(1, Math.abs(edge)));
  const logAt = (d: number) => Math.log(Math.abs(loss(edge + dir * d)));
  const [a, b, c] = [logAt(lo - 2 * s), logAt(lo - s), logAt(lo)];
  if (![a, b, c].every(Number.isFinite)) return false;
  const second = (c - 2 * b + a) / (s * s);
  if (!(c > b)) return false;
  if (second * sigma * sigma >= 1 - 1e-9) return true;
  // The curvature of log ℓ halfway to the overflow: if it grows by a quarter and more in that stretch, it is
  // accelerating (log ℓ super-quadratic), so it will pass 1/σ² further out, where doubles cannot follow.
  const h = lo / 2;
  const t = Math.max(h / 8, s);
  const [a2, b2, c2] = [logAt(h - 2 * t), logAt(h - t), logAt(h)];
  const halfway = (c2 - 2 * b2 + a2) / (t * t);
  // Second differences below 1e-6 of the values are rounding noise (a linear log ℓ), not curvature.
  const curved = (x: number, y: number, z: number) => z - 2 * y + x > 1e-6 * Math.max(Math.abs(x), Math.abs(y), Math.abs(z));
  return curved(a, b, c) && curved(a2, b2, c2) && second > 1.25 * halfway;
}
