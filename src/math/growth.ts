/**
 * How fast ℓ grows beyond the computed domain. A sup over the whole line (R_σ, B_σ) whose maximiser hits
 * the edge of the domain is either +∞ or lies further out; we probe ℓ far away to tell which, and
 * otherwise call the value truncated (never a number computed on a truncated domain).
 */
import type { Loss1D } from './objectives.ts';

/** Estimates of 2ℓ(θ)/(θ−c)² at distances D·10^k (k = 1..6) from c, in direction dir. */
function farCurvatures(loss: Loss1D, centre: number, scale: number, dir: 1 | -1): number[] {
  const out: number[] = [];
  for (let k = 1; k <= 6; k++) {
    const d = scale * 10 ** k;
    const v = loss(centre + dir * d);
    if (v === Infinity) return [...out, Infinity];
    if (!Number.isFinite(v)) break;
    out.push((2 * v) / (d * d));
  }
  return out;
}

/** ℓ grows faster than any quadratic in direction dir (so R_σ and B_σ are +∞). */
export function growsSuperQuadratically(loss: Loss1D, centre: number, scale: number, dir: 1 | -1): boolean {
  const a = farCurvatures(loss, centre, scale, dir);
  if (a.length < 3) return a.includes(Infinity);
  const [p, q, r] = a.slice(-3);
  // Positive and at least doubling per decade of distance: a bounded or quadratic loss never does this.
  return r === Infinity || (p > 0 && q > 2 * p && r > 2 * q);
}

/** ℓ(θ) − (θ−m)²/(2σ²) is unbounded above in direction dir (so R_σ(m) = +∞). */
export function penalisedUnbounded(loss: Loss1D, m: number, sigma: number, scale: number, dir: 1 | -1): boolean {
  const a = farCurvatures(loss, m, scale, dir);
  if (a.length === 0) return false;
  const last = a[a.length - 1];
  return last === Infinity || last * sigma * sigma > 1 + 1e-9 || growsSuperQuadratically(loss, m, scale, dir);
}

/**
 * A stricter test, for skipping R and B altogether: ℓ(c ± d)/d² at d = scale·10^{k/4}, and the last finite
 * value more than doubles the one a decade closer (and that one the one before, when there is one). An
 * overflow alone proves nothing (1e308·θ² overflows at once and is only quadratic), so the verdict rests on
 * finite values; the ratio v/d² is formed without the factor 2 so that it does not overflow first.
 */
export function clearlySuperQuadratic(loss: Loss1D, centre: number, scale: number, dir: 1 | -1): boolean {
  const c: number[] = [];
  for (let k = 0; k <= 24; k++) {
    const d = scale * 10 ** (k / 4);
    const ratio = loss(centre + dir * d) / (d * d);
    if (!Number.isFinite(ratio)) break;
    c.push(ratio);
  }
  const K = c.length - 1;
  if (K < 4) return false;
  const decadeUp = (k: number) => c[k - 4] > 0 && c[k] > 2 * c[k - 4];
  return decadeUp(K) && (K < 8 || decadeUp(K - 4));
}
