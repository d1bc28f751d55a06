/**
 * Slow, obviously-correct references for the 1-D objectives, used only by tests: dense sums and scans
 * at a single m, with none of the fast algorithms' structure.
 */
import type { Loss1D } from '../objectives.ts';

/** E_σ(m) by composite Simpson over m ± 10σ with 40,000 panels. */
export function denseExpected(loss: Loss1D, m: number, sigma: number): number {
  const panels = 40_000;
  const a = -10;
  const h = 20 / panels;
  let acc = 0;
  for (let k = 0; k <= panels; k++) {
    const z = a + k * h;
    const w = k === 0 || k === panels ? 1 : k % 2 ? 4 : 2;
    acc += w * Math.exp(-0.5 * z * z) * loss(m + sigma * z);
  }
  return (acc * h) / 3 / Math.sqrt(2 * Math.PI);
}

/** max of g on [lo, hi]: a scan of `count` points, then golden-section search around the best. */
export function denseMax(g: (x: number) => number, lo: number, hi: number, count = 20_001): { x: number; value: number } {
  let bestX = lo;
  let best = -Infinity;
  const step = (hi - lo) / (count - 1);
  for (let k = 0; k < count; k++) {
    const x = lo + k * step;
    const v = g(x);
    if (v > best) { best = v; bestX = x; }
  }
  let a = Math.max(lo, bestX - step);
  let b = Math.min(hi, bestX + step);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 80; it++) {
    const x1 = b - r * (b - a);
    const x2 = a + r * (b - a);
    if (g(x1) > g(x2)) b = x2;
    else a = x1;
  }
  const x = (a + b) / 2;
  return g(x) > best ? { x, value: g(x) } : { x: bestX, value: best };
}

export function denseSam(loss: Loss1D, m: number, rho: number): number {
  return rho === 0 ? loss(m) : denseMax(loss, m - rho, m + rho).value;
}

export function denseRelaxed(loss: Loss1D, m: number, sigma: number, reach = 12): number {
  return denseMax((t) => loss(t) - ((t - m) * (t - m)) / (2 * sigma * sigma), m - reach * sigma, m + reach * sigma, 40_001).value;
}

/**
 * B_σ(m) from above by duality: min over c ∈ [−cSpan/σ², cSpan/σ²] of U_c(m) + c(m² + σ²), with U_c the
 * concave envelope on a fine θ grid over [lo, hi]. Every term is an upper bound on the grid's B.
 */
export function denseBiconjugateUpper(loss: Loss1D, m: number, sigma: number, lo: number, hi: number, thetaCount = 6001, cSpan = 50): number {
  const theta = new Float64Array(thetaCount);
  const l = new Float64Array(thetaCount);
  for (let j = 0; j < thetaCount; j++) {
    theta[j] = lo + ((hi - lo) * j) / (thetaCount - 1);
    l[j] = loss(theta[j]);
  }
  // φ(c) = U_c(m) + c(m² + σ²) is convex in c: golden-section search finds its minimum.
  const phi = (c: number) => envelopeAt(theta, l, c, m) + c * (m * m + sigma * sigma);
  let a = -cSpan / (sigma * sigma);
  let b = cSpan / (sigma * sigma);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 90; it++) {
    const c1 = b - r * (b - a);
    const c2 = a + r * (b - a);
    if (phi(c1) < phi(c2)) b = c2;
    else a = c1;
  }
  return phi((a + b) / 2);
}

/** U_c(m) for the points (θ_j, ℓ_j − cθ_j²), by the best chord over m (O(n²) is fine here: n is small). */
function envelopeAt(theta: Float64Array, l: Float64Array, c: number, m: number): number {
  let best = -Infinity;
  const v = (j: number) => l[j] - c * theta[j] * theta[j];
  // Two-pointer over the upper hull is enough: build it, then read the segment over m.
  const hull: number[] = [];
  for (let j = 0; j < theta.length; j++) {
    while (hull.length >= 2) {
      const p = hull[hull.length - 2];
      const q = hull[hull.length - 1];
      if ((theta[q] - theta[p]) * (v(j) - v(p)) - (v(q) - v(p)) * (theta[j] - theta[p]) >= 0) hull.pop();
      else break;
    }
    hull.push(j);
  }
  for (let k = 0; k + 1 < hull.length; k++) {
    const a = hull[k];
    const b = hull[k + 1];
    if (theta[a] <= m && m <= theta[b]) {
      const t = (m - theta[a]) / (theta[b] - theta[a]);
      best = Math.max(best, (1 - t) * v(a) + t * v(b));
    }
  }
  return best;
}

/**
 * E_σ(m) by composite Simpson over z ∈ [−zMax, zMax] (z = (θ − m)/σ) with `panels` panels: for losses
 * whose integrand's mass lies far from m (e^{aθ} peaks at z = aσ), pass a zMax beyond it.
 */
export function denseExpectedWide(loss: Loss1D, m: number, sigma: number, zMax: number, panels = 200_000): number {
  const h = (2 * zMax) / panels;
  let acc = 0;
  for (let k = 0; k <= panels; k++) {
    const z = -zMax + k * h;
    const w = k === 0 || k === panels ? 1 : k % 2 ? 4 : 2;
    acc += w * Math.exp(-0.5 * z * z) * loss(m + sigma * z);
  }
  return (acc * h) / 3 / Math.sqrt(2 * Math.PI);
}
