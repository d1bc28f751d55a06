/**
 * Kink corrections for the Gaussian-weighted trapezoidal sum of `expected` (2-D, one pass at a time).
 *
 * The trapezoidal sum is spectrally accurate on a smooth integrand but only O(h²) where ℓ has a slope
 * jump (|x| on a grid line: 3.9e-3 off at σ = 0.5). A kink J·(x − s)₊ shows up in the second differences
 * of the samples as J·h·(1 − u) and J·h·u at the two nodes of the cell holding it (s at offset u in the
 * cell) above a smooth background. Each such kink is located from those residuals and the sum's error
 * for J·(x − s)₊, which is closed-form (the exact integral needs Φ and φ), is added back. A
 * piecewise-linear ℓ is then integrated exactly; a smooth ℓ is left alone because its residuals stay
 * far below the local variation of the second differences (see `findKinks`).
 */

/** erfc by the Chebyshev fit of Numerical Recipes (erfcc): fractional error below 1.2e-7 everywhere. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Second differences, reused across calls (one pass runs hundreds of series of one length). */
let scratch = new Float64Array(0);

export interface Kink {
  /** Position in sample steps (index + offset in the cell). */
  at: number;
  /** The slope jump times the step, J·h (the sum of the two second-difference residuals). */
  jump: number;
}

/** Residual above this many times the local variation of the second differences marks a kink. */
const ANOMALY = 8;
/** A kink with |J·h| below this moves the sum by less than ~1e-11: not worth locating. */
const NEGLIGIBLE = 1e-10;

/**
 * Kinks of the series v[start + k·stride], k = 0..n−1. Samples flagged in `tainted` (non-finite data)
 * keep every kink test that touches them from firing.
 */
export function findKinks(v: ArrayLike<number>, start: number, stride: number, n: number, tainted?: (k: number) => boolean): Kink[] {
  const kinks: Kink[] = [];
  if (n < 9) return kinks;
  const d2 = scratch.length >= n ? scratch : (scratch = new Float64Array(n));
  for (let k = 1; k < n - 1; k++) d2[k] = v[start + (k + 1) * stride] - 2 * v[start + k * stride] + v[start + (k - 1) * stride];
  const residual = (k: number) => d2[k] - 0.5 * (d2[k - 2] + d2[k + 2]);
  // The background's own variation two and three nodes away: a kink at k or k + 1 never enters it.
  const noise = (k: number) => Math.abs(d2[k - 2] - d2[k - 3]) + Math.abs(d2[k + 2] - d2[k + 3]);
  const anomalous = (k: number, r: number) => {
    const size = Math.abs(v[start + (k - 1) * stride]) + Math.abs(v[start + k * stride]) + Math.abs(v[start + (k + 1) * stride]);
    return Math.abs(r) > ANOMALY * noise(k) && Math.abs(r) > 1e-12 * size;
  };
  const clean = (k: number) => {
    if (!tainted) return true;
    for (let q = k - 4; q <= k + 4; q++) if (tainted(q)) return false;
    return true;
  };
  for (let k = 4; k <= n - 6; k++) {
    const rk = residual(k);
    if (Math.abs(rk) < NEGLIGIBLE || !anomalous(k, rk) || !clean(k)) continue;
    const rn = residual(k + 1);
    if (k + 1 <= n - 5 && Math.sign(rn) === Math.sign(rk) && anomalous(k + 1, rn)) {
      kinks.push({ at: k + rn / (rk + rn), jump: rk + rn });
      k++;
    } else kinks.push({ at: k, jump: rk });
  }
  return kinks;
}

/**
 * For the symmetric kernel `kernel` (weights at t = −r..r steps, sum 1, a Gaussian of σ' = σ/h steps):
 * error(d) = ∫(t − d)₊ φ(t/σ')/σ' dt − Σ_t kernel(t)(t − d)₊, which is even in d (the kernel integrates
 * linear functions exactly), so it is tabulated by suffix sums and evaluated at |d| in O(1).
 */
export function kinkError(kernel: Float64Array, sigmaSteps: number): (d: number) => number {
  const r = (kernel.length - 1) >> 1;
  // w0[m] = Σ_{t ≥ m} kernel(t), w1[m] = Σ_{t ≥ m} t·kernel(t), for m = 0..r + 1.
  const w0 = new Float64Array(r + 2);
  const w1 = new Float64Array(r + 2);
  for (let t = r; t >= 0; t--) {
    w0[t] = w0[t + 1] + kernel[r + t];
    w1[t] = w1[t + 1] + t * kernel[r + t];
  }
  const c = 1 / Math.sqrt(2 * Math.PI);
  return (dSigned: number) => {
    const d = Math.abs(dSigned);
    if (d > r) return 0;
    const z = d / sigmaSteps;
    const exact = sigmaSteps * c * Math.exp(-0.5 * z * z) - d * 0.5 * erfc(z / Math.SQRT2);
    const m = Math.floor(d) + 1;
    const discrete = w1[m] - d * w0[m];
    return exact - discrete;
  };
}
