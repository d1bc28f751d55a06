/**
 * `expected`: E_σ(m) = E_{ε∼N(0,σ²)} ℓ(m+ε) for every output m (theory.md §3).
 *
 * The integrand is sampled on its own uniform grid of spacing σ/64 and convolved with the Gaussian. The
 * trapezoidal rule on a Gaussian-weighted smooth integrand is exponentially accurate, and with 64 points
 * per σ a kink costs ≲ 2e-5·σ·(jump in ℓ'). E is smooth on the scale σ, so 4-point Lagrange interpolation
 * from that grid to the output points adds ≲ 1e-9 relative error (none for polynomials of degree ≤ 3);
 * where E grows steeply (e^{am} and faster) log E is interpolated instead, which is exact for E = e^{quadratic}.
 *
 * How far to look and whether E is finite at all come from the loss's growth (expected-tails.ts): E is
 * ±∞ when ℓ grows like e^{θ²/(2σ²)} or faster, and never a number computed on a truncated domain.
 *
 * Dynamic range: an FFT's error is a few ulps of the signal's LARGEST value, at every output. When the
 * loss spans many orders of magnitude within the reach (e^{θ²}, e^{6θ}), that swamps the small values of
 * E, and once gave E < 0 for a positive loss. So each node whose FFT value is not certified by
 * fftErrorBound is recomputed by the direct sum Σ k_t ℓ_{j+t}, whose terms for a positive loss are all
 * positive (relative error ~ ulps, never a sign change). When σ is so small that the grid would be huge,
 * each output point gets its own short direct sum instead (σ/4 spacing; kink error ≲ 2e-3·σ).
 */
import { convolutionSize, fftErrorBound, symmetricConvolve } from './fft.ts';
import { probeTail, type Tail } from './expected-tails.ts';
import { gaussianKernel } from './gaussian-kernel.ts';
import type { Loss1D } from './objectives.ts';

const PER_SIGMA = 64;
const MAX_CONV_POINTS = 1 << 19;
/** An FFT value is kept when its error bound is below this, relative to max(1, |value|). */
const FFT_TRUST = 1e-8;
/** Interpolate log E when the four nodes span more than this factor (E ≈ e^{am} with a·h > 0.05). */
const LOG_INTERP_SPREAD = Math.exp(0.15);

export interface ExpectedResult {
  values: Float64Array;
  /** Output points where ℓ was undefined (NaN) within the reach (value NaN). */
  notFinite: number;
  /** Output points where E = ±∞ (ℓ grows at least like e^{θ²/(2σ²)}); the value is ±Infinity. */
  infinite: number;
  /** Output points where ℓ exceeds the largest double where the Gaussian weight matters (value NaN). */
  overflow: number;
  /** Output points where ℓ grows like +e^{θ²/(2σ²)} on one side and −e^{θ²/(2σ²)} on the other: ∞ − ∞. */
  indefinite: number;
  /** The reach used, in σ (≥ 9). */
  reach: number;
}

/** `perSigma` trades accuracy for speed (64: the curves; 16: the (m, σ) heatmap, kink error ≲ 3e-4·σ). */
export function expectedCurve(loss: Loss1D, theta: Float64Array, sigma: number, perSigma = PER_SIGMA): ExpectedResult {
  const n = theta.length;
  const from = theta[0];
  const to = theta[n - 1];
  const left = probeTail(loss, from, -1, sigma);
  const right = probeTail(loss, to, 1, sigma);
  const divergent = divergence(left, right);
  if (divergent !== null) {
    const values = new Float64Array(n).fill(divergent);
    const indefinite = Number.isNaN(divergent) ? n : 0;
    return { values, notFinite: 0, infinite: n - indefinite, overflow: 0, indefinite, reach: Infinity };
  }
  const reach = Math.max(left.reach, right.reach);
  const h = sigma / perSigma;
  const r = Math.ceil(reach * perSigma);
  const count = Math.ceil((to - from) / h) + 1 + 2 * (r + 3);
  return count > MAX_CONV_POINTS ? expectedPointwise(loss, theta, sigma, reach) : expectedByConvolution(loss, theta, h, r, count, perSigma, reach);
}

/** ±Infinity when a side diverges, NaN when the two sides diverge with opposite signs, else null. */
function divergence(left: Tail, right: Tail): number | null {
  const sign = (t: Tail) => (t.verdict === 'plusInfinite' ? 1 : t.verdict === 'minusInfinite' ? -1 : 0);
  const a = sign(left);
  const b = sign(right);
  if (a === 0 && b === 0) return null;
  if (a !== 0 && b !== 0 && a !== b) return NaN;
  return (a || b) * Infinity;
}

/** Counts of NaN and of ±∞ samples before each index, so a window's cleanliness is two subtractions. */
class BadSamples {
  readonly nan: Int32Array;
  readonly inf: Int32Array;
  constructor(samples: Float64Array) {
    this.nan = new Int32Array(samples.length + 1);
    this.inf = new Int32Array(samples.length + 1);
    for (let j = 0; j < samples.length; j++) {
      const v = samples[j];
      this.nan[j + 1] = this.nan[j] + (Number.isNaN(v) ? 1 : 0);
      this.inf[j + 1] = this.inf[j] + (v === Infinity || v === -Infinity ? 1 : 0);
    }
  }
  /** 'nan' / 'overflow' if [lo, hi] holds such a sample, else null. */
  in(lo: number, hi: number): 'nan' | 'overflow' | null {
    if (this.nan[hi + 1] - this.nan[lo] > 0) return 'nan';
    if (this.inf[hi + 1] - this.inf[lo] > 0) return 'overflow';
    return null;
  }
}

function emptyResult(n: number, reach: number): ExpectedResult {
  return { values: new Float64Array(n), notFinite: 0, infinite: 0, overflow: 0, indefinite: 0, reach };
}

function expectedByConvolution(loss: Loss1D, theta: Float64Array, h: number, r: number, count: number, perSigma: number, reach: number): ExpectedResult {
  const start = theta[0] - (r + 3) * h;
  const raw = new Float64Array(count);
  const samples = new Float64Array(count);
  let maxAbs = 0;
  for (let j = 0; j < count; j++) {
    const v = loss(start + j * h);
    raw[j] = v;
    if (Number.isFinite(v)) {
      samples[j] = v;
      if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    }
  }
  const bad = new BadSamples(raw);
  const kernel = gaussianKernel(r, 1 / perSigma);
  const conv = symmetricConvolve(samples, kernel);
  const nodes = new NodeValues(samples, kernel, conv, fftErrorBound(maxAbs, convolutionSize(count, kernel.length)));
  const result = emptyResult(theta.length, reach);
  const { values } = result;
  for (let i = 0; i < theta.length; i++) {
    const x = (theta[i] - start) / h;
    // Interpolation on nodes j0-1 .. j0+2, checked against j0-2 and j0+3.
    const j0 = Math.min(Math.max(Math.floor(x), r + 3), count - r - 4);
    const problem = bad.in(j0 - 2 - r, j0 + 3 + r);
    if (problem) {
      values[i] = NaN;
      if (problem === 'nan') result.notFinite++;
      else result.overflow++;
      continue;
    }
    const v = [nodes.at(j0 - 2), nodes.at(j0 - 1), nodes.at(j0), nodes.at(j0 + 1), nodes.at(j0 + 2), nodes.at(j0 + 3)];
    values[i] = interpolate(v, x - j0);
    if (!Number.isFinite(values[i])) {
      // The sum itself exceeds the largest double.
      values[i] = NaN;
      result.overflow++;
    }
  }
  return result;
}

/** Convolution values at the nodes: the FFT's where its error bound certifies them, else a direct sum. */
class NodeValues {
  private readonly direct: Float64Array;
  private readonly done: Uint8Array;
  private readonly r: number;
  /** Kernel entries beyond this offset underflow to 0 and are skipped. */
  private readonly live: number;

  constructor(
    private readonly samples: Float64Array,
    private readonly kernel: Float64Array,
    private readonly conv: Float64Array,
    private readonly fftError: number,
  ) {
    this.r = (kernel.length - 1) / 2;
    let live = this.r;
    while (live > 0 && kernel[this.r + live] === 0) live--;
    this.live = live;
    this.direct = new Float64Array(samples.length);
    this.done = new Uint8Array(samples.length);
  }

  at(j: number): number {
    const c = this.conv[j];
    if (this.fftError <= FFT_TRUST * Math.max(1, Math.abs(c))) return c;
    if (!this.done[j]) {
      const { samples, kernel, r, live } = this;
      let acc = 0;
      for (let t = -live; t <= live; t++) acc += kernel[r + t] * samples[j + t];
      this.direct[j] = acc;
      this.done[j] = 1;
    }
    return this.direct[j];
  }
}

/** Cubic Lagrange weights for nodes at −1, 0, 1, 2, evaluated at t. */
function lagrangeWeights(t: number): [number, number, number, number] {
  return [(-t * (t - 1) * (t - 2)) / 6, ((t + 1) * (t - 1) * (t - 2)) / 2, (-(t + 1) * t * (t - 2)) / 2, ((t + 1) * t * (t - 1)) / 6];
}
const dot = (w: readonly number[], v: readonly number[]) => w[0] * v[0] + w[1] * v[1] + w[2] * v[2] + w[3] * v[3];
/** The same weights at t = −2 and t = 3: the neighbours just outside, used to check each interpolant. */
const BEFORE = lagrangeWeights(-2);
const AFTER = lagrangeWeights(3);

/**
 * Cubic interpolation of E at t ∈ [0, 1] from nodes −2 … 3 (`v`, six values): Lagrange through nodes −1 … 2,
 * or the same on log E when E is positive and steep. Which one is decided by how well each predicts the
 * two outer nodes: Lagrange is exact for cubics (a linear E crossing 0), log-Lagrange for e^{cubic}.
 */
function interpolate(v: readonly number[], t: number): number {
  const inner = [v[1], v[2], v[3], v[4]];
  const w = lagrangeWeights(t);
  const linear = dot(w, inner);
  const lo = Math.min(...v);
  if (!(lo > 0) || !(Math.max(...v) > LOG_INTERP_SPREAD * lo)) return linear;
  const logs = inner.map(Math.log);
  const linearMiss = Math.abs(dot(BEFORE, inner) - v[0]) + Math.abs(dot(AFTER, inner) - v[5]);
  const logMiss = Math.abs(Math.exp(dot(BEFORE, logs)) - v[0]) + Math.abs(Math.exp(dot(AFTER, logs)) - v[5]);
  return logMiss < linearMiss ? Math.exp(dot(w, logs)) : linear;
}

function expectedPointwise(loss: Loss1D, theta: Float64Array, sigma: number, reach: number): ExpectedResult {
  const r = Math.ceil(reach * 4);
  const kernel = gaussianKernel(r, 0.25);
  const result = emptyResult(theta.length, reach);
  const { values } = result;
  for (let i = 0; i < theta.length; i++) {
    let acc = 0;
    let problem: 'nan' | 'overflow' | null = null;
    for (let t = -r; t <= r; t++) {
      const v = loss(theta[i] + t * 0.25 * sigma);
      if (Number.isNaN(v)) problem = 'nan';
      else if (!Number.isFinite(v)) problem ??= 'overflow';
      else acc += kernel[t + r] * v;
    }
    if (!problem && !Number.isFinite(acc)) problem = 'overflow';
    values[i] = problem ? NaN : acc;
    if (problem === 'nan') result.notFinite++;
    else if (problem === 'overflow') result.overflow++;
  }
  return result;
}
