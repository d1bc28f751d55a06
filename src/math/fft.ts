/** In-place iterative radix-2 complex FFT; `re`/`im` lengths must be the same power of two. */
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
  for (let len = 2; len <= n; len <<= 1) {
    const ang = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < half; k++) {
        const a = i + k;
        const b = a + half;
        const xr = re[b] * cr - im[b] * ci;
        const xi = re[b] * ci + im[b] * cr;
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
  if (inverse) for (let i = 0; i < n; i++) { re[i] /= n; im[i] /= n; }
}

/**
 * Correlation of a signal with a symmetric kernel k[-r..r] (given as k[0..2r]):
 * out[j] = Σ_t k[t] · x[j + t − r] for r ≤ j < x.length − r (other entries are 0).
 * O(n log n) through one complex FFT of size ≥ n + 2r.
 */
export function symmetricConvolve(x: Float64Array, kernel: Float64Array): Float64Array {
  const r = (kernel.length - 1) / 2;
  let size = 1;
  while (size < x.length + kernel.length) size <<= 1;
  const ar = new Float64Array(size);
  const ai = new Float64Array(size);
  const br = new Float64Array(size);
  const bi = new Float64Array(size);
  ar.set(x);
  br.set(kernel);
  fft(ar, ai);
  fft(br, bi);
  for (let i = 0; i < size; i++) {
    const r0 = ar[i] * br[i] - ai[i] * bi[i];
    ai[i] = ar[i] * bi[i] + ai[i] * br[i];
    ar[i] = r0;
  }
  fft(ar, ai, true);
  // Full convolution index j + r corresponds to the window centred on x[j].
  const out = new Float64Array(x.length);
  for (let j = r; j < x.length - r; j++) out[j] = ar[j + r];
  return out;
}
