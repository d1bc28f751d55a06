/**
 * In-place iterative radix-2 complex FFT; `re`/`im` lengths must be the same power of two.
 *
 * The twiddles e^{∓2πik/n} are computed once per size with Math.cos/Math.sin for every index k, never
 * by a recurrence w ← w·w₁: a recurrence loses about one ulp per step, so its error grows with n and
 * an FFT of a signal with a large dynamic range came out wrong (issue 10). With exact twiddles the
 * error of a convolution is a few ulps of the signal's largest value, which `fftErrorBound` states.
 */
const twiddleCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  let t = twiddleCache.get(n);
  if (!t) {
    const half = n >> 1;
    const cos = new Float64Array(half);
    const sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      cos[k] = Math.cos((2 * Math.PI * k) / n);
      sin[k] = Math.sin((2 * Math.PI * k) / n);
    }
    t = { cos, sin };
    // A handful of sizes are in use at a time; keep the cache from growing without bound.
    if (twiddleCache.size > 8) twiddleCache.clear();
    twiddleCache.set(n, t);
  }
  return t;
}

export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }
  const { cos, sin } = twiddles(n);
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const stride = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const cr = cos[k * stride];
        const ci = sign * sin[k * stride];
        const a = i + k;
        const b = a + half;
        const xr = re[b] * cr - im[b] * ci;
        const xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
      }
    }
  }
  if (inverse) for (let i = 0; i < n; i++) { re[i] /= n; im[i] /= n; }
}

/** The transform size symmetricConvolve uses for a signal of length n and a kernel of length k. */
export function convolutionSize(n: number, k: number): number {
  let size = 1;
  while (size < n + k) size <<= 1;
  return size;
}

/**
 * A bound on the absolute error of symmetricConvolve's outputs, for a kernel of sum 1 and a signal whose
 * largest |value| is `maxAbs`: the forward and inverse transforms each add O(ε log₂ size) relative to the
 * signal's scale. The factor 4 is a safety margin over what fft.test.ts measures (≤ 1·ε·log₂ size).
 */
export function fftErrorBound(maxAbs: number, size: number): number {
  return 4 * Number.EPSILON * Math.log2(size) * maxAbs;
}

/**
 * Correlation of a signal with a symmetric kernel k[-r..r] (given as k[0..2r]):
 * out[j] = Σ_t k[t] · x[j + t − r] for r ≤ j < x.length − r (other entries are 0).
 * O(n log n) through complex FFTs of size ≥ n + 2r; its absolute error is within fftErrorBound.
 */
export function symmetricConvolve(x: Float64Array, kernel: Float64Array): Float64Array {
  const r = (kernel.length - 1) / 2;
  const size = convolutionSize(x.length, kernel.length);
  // Two transforms, not one of x + i·k: packing both would leave the kernel's spectrum with errors of
  // the size of x's, which is what a large dynamic range cannot afford.
  const ar = new Float64Array(size);
  const ai = new Float64Array(size);
  const br = new Float64Array(size);
  const bi = new Float64Array(size);
  ar.set(x);
  br.set(kernel);
  fft(ar, ai);
  fft(br, bi);
  const pr = ar;
  const pi = ai;
  for (let i = 0; i < size; i++) {
    const r0 = ar[i] * br[i] - ai[i] * bi[i];
    pi[i] = ar[i] * bi[i] + ai[i] * br[i];
    pr[i] = r0;
  }
  fft(pr, pi, true);
  // Full convolution index j + r corresponds to the window centred on x[j].
  const out = new Float64Array(x.length);
  for (let j = r; j < x.length - r; j++) out[j] = pr[j + r];
  return out;
}
