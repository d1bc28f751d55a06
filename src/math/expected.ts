/**
 * `expected`: E_σ(m) = E_{ε∼N(0,σ²)} ℓ(m+ε) for every output m (theory.md §3).
 *
 * The integrand is sampled on its own uniform grid of spacing σ/64 and convolved with the Gaussian by
 * FFT. The trapezoidal rule on a Gaussian-weighted smooth integrand is exponentially accurate, and with
 * 64 points per σ a kink costs ≲ 2e-5·σ·(jump in ℓ'). E is smooth on the scale σ, so 4-point Lagrange
 * interpolation from that grid to the output points adds ≲ 1e-9 relative error (and none for polynomials
 * of degree ≤ 3). When σ is so small that the grid would be huge, each output point gets its own short
 * trapezoidal sum instead (σ/4 spacing), whose kink error is then ≲ 2e-3·σ, i.e. tiny.
 */
import { symmetricConvolve } from './fft.ts';
import { gaussianKernel } from './gaussian-kernel.ts';
import type { Loss1D } from './objectives.ts';

/** The Gaussian is cut at ±TAIL σ: the mass beyond is 2e-19. */
const TAIL = 9;
const PER_SIGMA = 64;
const MAX_CONV_POINTS = 1 << 19;

export interface ExpectedResult {
  values: Float64Array;
  /** Number of output points where ℓ was not finite within ±9σ (value is NaN there). */
  notFinite: number;
}

/** `perSigma` trades accuracy for speed (64: the curves; 16: the (m, σ) heatmap, kink error ≲ 3e-4·σ). */
export function expectedCurve(loss: Loss1D, theta: Float64Array, sigma: number, perSigma = PER_SIGMA): ExpectedResult {
  const from = theta[0];
  const to = theta[theta.length - 1];
  const h = sigma / perSigma;
  const r = TAIL * perSigma;
  const count = Math.ceil((to - from) / h) + 1 + 2 * (r + 2);
  return count > MAX_CONV_POINTS ? expectedPointwise(loss, theta, sigma) : expectedByConvolution(loss, theta, sigma, h, r, count);
}


function expectedByConvolution(loss: Loss1D, theta: Float64Array, sigma: number, h: number, r: number, count: number): ExpectedResult {
  const start = theta[0] - (r + 2) * h;
  const samples = new Float64Array(count);
  // badPrefix[j] = number of non-finite samples before j: a window is clean iff its count is 0.
  const badPrefix = new Int32Array(count + 1);
  for (let j = 0; j < count; j++) {
    const v = loss(start + j * h);
    const ok = Number.isFinite(v);
    samples[j] = ok ? v : 0;
    badPrefix[j + 1] = badPrefix[j] + (ok ? 0 : 1);
  }
  const conv = symmetricConvolve(samples, gaussianKernel(r, h / sigma));
  const values = new Float64Array(theta.length);
  let notFinite = 0;
  for (let i = 0; i < theta.length; i++) {
    const x = (theta[i] - start) / h;
    // 4-point Lagrange interpolation on nodes j0-1 .. j0+2.
    const j0 = Math.min(Math.max(Math.floor(x), r + 1), count - r - 3);
    if (badPrefix[j0 + 3 + r] - badPrefix[j0 - 1 - r] > 0) {
      values[i] = NaN;
      notFinite++;
      continue;
    }
    const t = x - j0;
    const w0 = (-t * (t - 1) * (t - 2)) / 6;
    const w1 = ((t + 1) * (t - 1) * (t - 2)) / 2;
    const w2 = (-(t + 1) * t * (t - 2)) / 2;
    const w3 = ((t + 1) * t * (t - 1)) / 6;
    values[i] = w0 * conv[j0 - 1] + w1 * conv[j0] + w2 * conv[j0 + 1] + w3 * conv[j0 + 2];
  }
  return { values, notFinite };
}

function expectedPointwise(loss: Loss1D, theta: Float64Array, sigma: number): ExpectedResult {
  const r = TAIL * 4;
  const kernel = gaussianKernel(r, 0.25);
  const values = new Float64Array(theta.length);
  let notFinite = 0;
  for (let i = 0; i < theta.length; i++) {
    let acc = 0;
    for (let t = -r; t <= r; t++) acc += kernel[t + r] * loss(theta[i] + t * 0.25 * sigma);
    if (!Number.isFinite(acc)) notFinite++;
    values[i] = Number.isFinite(acc) ? acc : NaN;
  }
  return { values, notFinite };
}
