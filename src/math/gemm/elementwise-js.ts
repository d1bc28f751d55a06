/**
 * The plain JavaScript forms of the arena's elementwise kernels (gemm.wat): the fallback where WebAssembly SIMD
 * is missing, and the references the kernel tests compare against. Every value is rounded to float32 where the
 * kernel rounds it (Math.fround), so the two agree to an ulp or two (sqrt and division are correctly rounded in
 * both; only the order of float32 roundings can differ).
 */
const f = Math.fround;

/** θ = w + e / sqrt(N·s): bSAM's noisy sample. */
export function bsamNoisyJs(theta: Float32Array, w: Float32Array, s: Float32Array, e: Float32Array, n: number, N: number): void {
  const Nf = f(N);
  for (let i = 0; i < n; i++) theta[i] = w[i] + f(e[i] / f(Math.sqrt(f(Nf * s[i]))));
}

/** out = w + g·(ρ/s); hsum = (first ? 0 : hsum) + |g|. */
export function bsamPerturbJs(out: Float32Array, hsum: Float32Array, w: Float32Array, s: Float32Array, g: Float32Array, n: number, rho: number, first: boolean): void {
  const r = f(rho);
  for (let i = 0; i < n; i++) {
    out[i] = w[i] + f(g[i] * f(r / s[i]));
    hsum[i] = (first ? 0 : hsum[i]) + Math.abs(g[i]);
  }
}

/** acc = (first ? 0 : acc) + g. */
export function accumulateJs(acc: Float32Array, g: Float32Array, n: number, first: boolean): void {
  for (let i = 0; i < n; i++) acc[i] = (first ? 0 : acc[i]) + g[i];
}

export interface BsamUpdateHyper {
  K: number;
  beta1: number;
  beta2: number;
  decay: number;
  lr: number;
  /** γ + δ. */
  shift: number;
}

/** g_m ← β₁g_m + (1−β₁)(gsum/K + δw);  w ← w − lr·g_m/s;  s ← β₂s + (1−β₂)(sqrt(s)·hsum/K + γ + δ). */
export function bsamUpdateJs(w: Float32Array, s: Float32Array, gm: Float32Array, gsum: Float32Array, hsum: Float32Array, n: number, h: BsamUpdateHyper): void {
  const [K, b1, b2, d, lr, shift] = [f(h.K), f(h.beta1), f(h.beta2), f(h.decay), f(h.lr), f(h.shift)];
  const [c1, c2] = [f(1 - b1), f(1 - b2)];
  for (let i = 0; i < n; i++) {
    const si = s[i];
    const wi = w[i];
    const g = f(f(b1 * gm[i]) + f(c1 * f(f(gsum[i] / K) + f(d * wi))));
    gm[i] = g;
    w[i] = wi - f(f(lr * g) / si);
    s[i] = f(b2 * si) + f(c2 * f(f(f(f(Math.sqrt(si)) * hsum[i]) / K) + shift));
  }
}

/** m ← μm + (g + δw);  w ← w − lr·m. */
export function sgdUpdateJs(w: Float32Array, m: Float32Array, g: Float32Array, n: number, mu: number, decay: number, lr: number): void {
  const [muf, df, lrf] = [f(mu), f(decay), f(lr)];
  for (let i = 0; i < n; i++) {
    const mi = f(f(muf * m[i]) + f(g[i] + f(df * w[i])));
    m[i] = mi;
    w[i] = w[i] - f(lrf * mi);
  }
}

export interface AdamUpdateHyper {
  beta1: number;
  beta2: number;
  decay: number;
  /** lr/(1−β₁ᵗ). */
  step: number;
  /** 1−β₂ᵗ. */
  c2: number;
  epsilon: number;
}

/** g' = g + δw;  m ← β₁m + (1−β₁)g';  v ← β₂v + (1−β₂)g'²;  w ← w − step·m/(sqrt(v/c₂) + ε). */
export function adamUpdateJs(w: Float32Array, m: Float32Array, v: Float32Array, g: Float32Array, n: number, h: AdamUpdateHyper): void {
  const [b1, b2, d, step, c2, eps] = [f(h.beta1), f(h.beta2), f(h.decay), f(h.step), f(h.c2), f(h.epsilon)];
  const [o1, o2] = [f(1 - b1), f(1 - b2)];
  for (let i = 0; i < n; i++) {
    const gi = f(g[i] + f(d * w[i]));
    const mi = f(f(b1 * m[i]) + f(o1 * gi));
    const vi = f(f(b2 * v[i]) + f(o2 * f(gi * gi)));
    m[i] = mi;
    v[i] = vi;
    w[i] = w[i] - f(f(step * mi) / f(f(Math.sqrt(f(vi / c2))) + eps));
  }
}

/** Σ g² in float64. */
export function sumSquaresJs(g: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += g[i] * g[i];
  return sum;
}

/** out[c] = Σ_r m[r][c], row by row in float32. */
export function colSumsJs(m: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let j = 0; j < cols; j++) out[j] = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) out[j] += m[o + j];
  }
}

/** d ⊙= act'(z), with h = act(z). */
export function activationGradJs(kind: 'elu' | 'relu' | 'tanh', z: Float32Array, h: Float32Array, d: Float32Array, n: number): void {
  if (kind === 'relu') for (let i = 0; i < n; i++) d[i] = z[i] > 0 ? d[i] : 0;
  else if (kind === 'tanh') for (let i = 0; i < n; i++) d[i] *= 1 - h[i] * h[i];
  else for (let i = 0; i < n; i++) if (!(z[i] > 0)) d[i] *= h[i] + 1;
}
