/**
 * Local maximisation on ℓ itself, shared by the 2-D `sam` and `relaxed` maps: a grid finds the basin,
 * these searches find the maximum inside it. Every value they return was evaluated at the point they
 * return, so a refined max never overstates the true sup.
 */

export interface Point2 {
  x: number;
  y: number;
  value: number;
}

/**
 * Refinements stop when what is left is below REFINE_TOL·(1 + |value|): a thousandth of the maps'
 * stated accuracy (1e-4), so rounding in the models cannot eat the margin.
 */
export const REFINE_TOL = 1e-7;

/** Golden angle: successive stencils are rotated by it, so a ridge at any angle is eventually followed. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Maximise f near `start` (a trust-region Newton search with a derivative-free fallback). Each
 * iteration evaluates a 3×3 stencil of radius s around the best point (rotated by the golden angle
 * every iteration), fits the quadratic with its cross term, and tries the Newton vertex (clipped to 2s);
 * the best of the stencil and the vertex becomes the new centre. On a smooth peak this converges
 * quadratically; at a kink or on a ridge the stencil alone is a pattern search that shrinks s by 4
 * whenever nothing improves. Stops when the largest gain the stencil's model allows is below `tol`
 * (absolute), s falls below `minStep`, or after `maxEvals` evaluations. NaN values never win.
 *
 * `first` optionally gives the first stencil's 8 values (axis-aligned, radius `step`, in the order of
 * STENCIL), e.g. from a grid, which saves the first 8 evaluations.
 */
export function maximizeLocal2D(
  f: (x: number, y: number) => number,
  start: Point2,
  step: number,
  tol: number,
  minStep: number,
  maxEvals = 120,
  first?: ArrayLike<number>,
): Point2 {
  let best = start;
  let s = step;
  let angle = 0;
  let evals = 0;
  const v = new Float64Array(8);
  let useFirst = first !== undefined;
  // After a successful Newton step the next model needs only 5 points (the cross term from one corner);
  // a pattern-search iteration (kinks, ridges, non-concave models) uses all 8.
  let full = true;
  while (s > minStep && evals < maxEvals) {
    const c = Math.cos(angle);
    const sn = Math.sin(angle);
    const f0 = best.value;
    let next = best;
    const used = full ? 8 : 5;
    for (let k = 0; k < used; k++) {
      const a = STENCIL[2 * k];
      const b = STENCIL[2 * k + 1];
      const px = best.x + s * (a * c - b * sn);
      const py = best.y + s * (a * sn + b * c);
      let val: number;
      if (useFirst && first) val = first[k];
      else {
        val = f(px, py);
        evals++;
      }
      v[k] = val;
      if (val > next.value) next = { x: px, y: py, value: val };
    }
    useFirst = false;
    // Stencil order: (+1,0) (−1,0) (0,+1) (0,−1) (+1,+1) (−1,−1) (+1,−1) (−1,+1).
    const gu = (v[0] - v[1]) / (2 * s);
    const gv = (v[2] - v[3]) / (2 * s);
    const huu = (v[0] - 2 * f0 + v[1]) / (s * s);
    const hvv = (v[2] - 2 * f0 + v[3]) / (s * s);
    const huv = full ? (v[4] + v[5] - v[6] - v[7]) / (4 * s * s) : (v[4] - v[0] - v[2] + f0) / (s * s);
    const det = huu * hvv - huv * huv;
    const gainBound = Math.abs(gu) * s + Math.abs(gv) * s + 0.5 * (Math.abs(huu) + Math.abs(hvv) + 2 * Math.abs(huv)) * s * s;
    let vertexWon = false;
    let stepLength = 0;
    let trusted = false;
    if (huu < 0 && det > 0 && Number.isFinite(det)) {
      // Newton vertex of the concave model, in stencil coordinates (u, v).
      let du = -(hvv * gu - huv * gv) / det;
      let dv = -(huu * gv - huv * gu) / det;
      stepLength = Math.hypot(du, dv);
      if (stepLength > 2 * s) {
        du *= (2 * s) / stepLength;
        dv *= (2 * s) / stepLength;
        stepLength = 2 * s;
      }
      if (stepLength > 0) {
        const px = best.x + du * c - dv * sn;
        const py = best.y + du * sn + dv * c;
        const val = f(px, py);
        evals++;
        const predicted = f0 + gu * du + gv * dv + 0.5 * (huu * du * du + 2 * huv * du * dv + hvv * dv * dv);
        if (val > next.value) {
          next = { x: px, y: py, value: val };
          vertexWon = true;
          // The model predicted the vertex to within tol and the step stayed inside the trust region:
          // near a smooth max the remaining gain is of the order of the model's error squared.
          trusted = Math.abs(predicted - val) <= tol && stepLength < 2 * s;
        }
      }
    }
    const improved = next.value > best.value;
    best = next;
    angle += GOLDEN_ANGLE;
    if (trusted) break;
    if (vertexWon) {
      s = Math.min(s, Math.max(stepLength, s / 16));
      full = false;
    } else {
      if (!improved) s /= 4;
      full = true;
    }
    // Converged at a kink or a flat top: nothing in the stencil's reach can gain tol.
    if (!improved && gainBound < tol) break;
  }
  return best;
}

/** The 3×3 stencil without its centre, (u, v) offsets in units of s. */
export const STENCIL = new Int8Array([1, 0, -1, 0, 0, 1, 0, -1, 1, 1, -1, -1, 1, -1, -1, 1]);

const GOLDEN = (3 - Math.sqrt(5)) / 2;

/**
 * Maximise g near the evaluated point t0 (bracket [t0 − d, t0 + d]): parabolas through three points,
 * starting with g(t0 ± d/2), a vertex accepted when its value matches the parabola's prediction to `tol`
 * (a smooth max); otherwise, after three, Brent's method on the bracket. Returns an evaluated point.
 */
export function maximizeAround(g: (t: number) => number, t0: number, g0: number, d: number, tol: number, xTol: number): { t: number; value: number } {
  let bestT = t0;
  let bestValue = g0;
  let centre = t0;
  let centreValue = g0;
  // A parabola through g(t ± h) and g(t). If its vertex lies beyond the side points, the same again
  // around the best of them; if the vertex's value misses the prediction, again at a quarter of the
  // spacing around the best point so far (its cubic error is 64 times smaller). On the `sam` map's
  // circles one parabola missed in 40% of the cases, and Brent's method then took ~7 evaluations.
  let half = d / 2;
  for (let round = 0; round < 3 && half > xTol; round++) {
    const gl = g(centre - half);
    const gr = g(centre + half);
    if (gl > bestValue) [bestT, bestValue] = [centre - half, gl];
    if (gr > bestValue) [bestT, bestValue] = [centre + half, gr];
    const curvature = (gl - 2 * centreValue + gr) / (half * half);
    if (!(curvature < 0)) break;
    const slope = (gr - gl) / (2 * half);
    const u = -slope / curvature;
    if (!(Math.abs(centre + u - t0) <= d)) break;
    if (!(Math.abs(u) < half)) {
      [centre, centreValue] = [bestT, bestValue];
      continue;
    }
    const val = g(centre + u);
    const predicted = centreValue + slope * u + 0.5 * curvature * u * u;
    if (val > bestValue) [bestT, bestValue] = [centre + u, val];
    if (Math.abs(predicted - val) <= tol && val >= bestValue) return { t: bestT, value: bestValue };
    [centre, centreValue] = [bestT, bestValue];
    half /= 4;
  }
  const found = maximizeBrent(g, t0 - d, t0 + d, bestT, bestValue, xTol, 30);
  return found.value > bestValue ? found : { t: bestT, value: bestValue };
}

/**
 * Maximise a 1-D function g on [a, b] by Brent's method (parabolic steps with golden-section
 * fallback), starting from the evaluated point (x0, g0) inside. Returns an evaluated point.
 */
export function maximizeBrent(g: (t: number) => number, a: number, b: number, x0: number, g0: number, xTol: number, maxEvals = 40): { t: number; value: number } {
  // Minimise −g (the textbook form).
  let x = x0;
  let w = x0;
  let v = x0;
  let fx = Number.isNaN(g0) ? Infinity : -g0;
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let it = 0; it < maxEvals; it++) {
    const m = 0.5 * (a + b);
    const tol1 = xTol + 1e-12 * Math.abs(x);
    const tol2 = 2 * tol1;
    if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < m ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= m ? a - x : b - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const gu = g(u);
    const fu = Number.isNaN(gu) ? Infinity : -gu;
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { t: x, value: -fx };
}
