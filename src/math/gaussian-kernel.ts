/**
 * The discrete Gaussian both `expected` computations convolve with (1-D by FFT, 2-D separably): kernel
 * exp(−z²/2) at z = t·step, t = −r..r, normalised to sum 1, so a constant loss comes out exactly constant.
 */
export function gaussianKernel(r: number, step: number): Float64Array {
  const k = new Float64Array(2 * r + 1);
  let sum = 0;
  for (let t = -r; t <= r; t++) {
    const z = t * step;
    k[t + r] = Math.exp(-0.5 * z * z);
    sum += k[t + r];
  }
  for (let t = 0; t < k.length; t++) k[t] /= sum;
  return k;
}
