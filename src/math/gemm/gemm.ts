/**
 * Float32 matrix products for the hand-fused engines (training steps, network slices). tfjs spends most of a
 * small network's step dispatching ops; these engines instead keep every buffer in one arena and multiply with
 * a 128-bit SIMD WebAssembly kernel (gemm.wat), about 10× the speed of the same loops in plain JavaScript here;
 * the elementwise steps around the products (bias rows, activations and their derivatives, bias gradients,
 * transposes) and the optimizers' per-parameter updates (bSAM, SGD, Adam) run there too, four floats at a time.
 * Where WebAssembly SIMD is missing, the same arena API runs the plain JavaScript loops.
 *
 * Usage: size the arena once (`createArena(totalFloats)`), take every buffer from `alloc`, then call `gemm` on
 * those buffers only: the kernel addresses them by their offset in the arena's memory.
 */
import { GEMM_WASM_BASE64 } from './gemm-binary.ts';
import {
  accumulateJs,
  activationGradJs,
  adamUpdateJs,
  bsamNoisyJs,
  bsamPerturbJs,
  bsamUpdateJs,
  colSumsJs,
  sgdUpdateJs,
  sumSquaresJs,
  type AdamUpdateHyper,
  type BsamUpdateHyper,
} from './elementwise-js.ts';

export type { AdamUpdateHyper, BsamUpdateHyper } from './elementwise-js.ts';

export interface GemmOptions {
  /** Add to y instead of overwriting it. */
  accumulate?: boolean;
  /** Use xᵀ: x is stored [inner][rows]. */
  transA?: boolean;
}

export interface MatrixArena {
  /** True when the WebAssembly SIMD kernel is in use. */
  readonly simd: boolean;
  /** A zeroed, 16-byte-aligned buffer of `length` floats inside the arena. */
  alloc(length: number): Float32Array;
  /** y[rows][cols] (+)= A·w with A = x[rows][inner] (or xᵀ when transA), w[inner][cols]. */
  gemm(x: Float32Array, w: Float32Array, y: Float32Array, rows: number, inner: number, cols: number, options?: GemmOptions): void;
  /** Every row of z[rows][cols] set to bias (a layer's pre-activation starts there; gemm then accumulates). */
  fillRows(z: Float32Array, bias: Float32Array, rows: number, cols: number): void;
  /** h = elu(z) (α = 1) or relu(z) for the first n values. */
  activate(kind: 'elu' | 'relu', z: Float32Array, h: Float32Array, n: number): void;
  /** out = a + s·b for the first n values (out may be a). */
  axpy(out: Float32Array, a: Float32Array, b: Float32Array, s: number, n: number): void;
  /** dst[cols][rows] = srcᵀ for src[rows][cols]. */
  transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void;
  /** out[c] = Σ_r m[r][c] (float32, row by row). */
  colSums(m: Float32Array, rows: number, cols: number, out: Float32Array): void;
  /** d ⊙= act'(z) for the first n values, with h = act(z). */
  activationGrad(kind: 'elu' | 'relu', z: Float32Array, h: Float32Array, d: Float32Array, n: number): void;
  /**
   * The optimizers' elementwise updates over the first n values of whole arena buffers (fused-bsam.ts and
   * fused-optimizers.ts say what they compute; elementwise-js.ts has them in plain JavaScript).
   */
  bsamNoisy(theta: Float32Array, w: Float32Array, s: Float32Array, e: Float32Array, n: number, N: number): void;
  bsamPerturb(out: Float32Array, hsum: Float32Array, w: Float32Array, s: Float32Array, g: Float32Array, n: number, rho: number, first: boolean): void;
  accumulate(acc: Float32Array, g: Float32Array, n: number, first: boolean): void;
  bsamUpdate(w: Float32Array, s: Float32Array, gm: Float32Array, gsum: Float32Array, hsum: Float32Array, n: number, hyper: BsamUpdateHyper): void;
  sgdUpdate(w: Float32Array, m: Float32Array, g: Float32Array, n: number, mu: number, decay: number, lr: number): void;
  adamUpdate(w: Float32Array, m: Float32Array, v: Float32Array, g: Float32Array, n: number, hyper: AdamUpdateHyper): void;
  /** Σ g² over the first n values, in float64. */
  sumSquares(g: Float32Array, n: number): number;
}

const PAGE_BYTES = 65536;
const ALIGN_FLOATS = 4;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is not available. Compiled once (a few kB). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(GEMM_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** An arena for `capacity` floats (plus alignment); `simd: false` forces the plain JavaScript kernel. */
export function createArena(capacity: number, { simd = true }: { simd?: boolean } = {}): MatrixArena {
  const floats = capacity + 64 * ALIGN_FLOATS;
  const module = simd ? kernelModule() : null;
  if (!module) return new BumpArena(new ArrayBuffer(floats * 4), null);
  const { memory, kernels } = instantiate(module, floats * 4);
  return new BumpArena(memory.buffer as ArrayBuffer, kernels);
}

/**
 * A fresh instance of the kernel with at least `bytes` of memory (grown now, never later: growing would
 * detach every view of the memory), or null where WebAssembly SIMD is missing.
 */
export function kernelInstance(bytes: number): { memory: WebAssembly.Memory; kernels: WasmKernels } | null {
  const module = kernelModule();
  return module ? instantiate(module, bytes) : null;
}

function instantiate(module: WebAssembly.Module, bytes: number): { memory: WebAssembly.Memory; kernels: WasmKernels } {
  // The ziggurat's slow path calls JavaScript's own exp and log, so its draws are the JavaScript loop's bits.
  const instance = new WebAssembly.Instance(module, { math: { exp: Math.exp, log: Math.log } });
  const memory = instance.exports.memory as WebAssembly.Memory;
  const needed = Math.ceil(bytes / PAGE_BYTES);
  if (needed > memory.buffer.byteLength / PAGE_BYTES) memory.grow(needed - memory.buffer.byteLength / PAGE_BYTES);
  return { memory, kernels: instance.exports as unknown as WasmKernels };
}

export interface WasmKernels {
  gemm(x: number, w: number, y: number, rows: number, inner: number, cols: number, accumulate: number, transA: number): void;
  addBiasRows(z: number, bias: number, rows: number, cols: number): void;
  elu(z: number, h: number, n: number): void;
  relu(z: number, h: number, n: number): void;
  axpy(out: number, a: number, b: number, s: number, n: number): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  colSums(m: number, out: number, rows: number, cols: number): void;
  eluGrad(z: number, h: number, d: number, n: number): void;
  reluGrad(z: number, d: number, n: number): void;
  bsamNoisy(theta: number, w: number, s: number, e: number, n: number, N: number): void;
  bsamPerturb(out: number, hsum: number, w: number, s: number, g: number, n: number, rho: number, first: number): void;
  accumulate(acc: number, g: number, n: number, first: number): void;
  bsamUpdate(w: number, s: number, gm: number, gsum: number, hsum: number, n: number, K: number, beta1: number, beta2: number, decay: number, lr: number, shift: number): void;
  sgdUpdate(w: number, m: number, g: number, n: number, mu: number, decay: number, lr: number): void;
  adamUpdate(w: number, m: number, v: number, g: number, n: number, beta1: number, beta2: number, decay: number, step: number, c2: number, eps: number): void;
  sumSquares(g: number, n: number): number;
  /** n normals into out; the mulberry32 state and the ziggurat's tables at `tables` (ziggurat.ts). */
  zigguratFill(out: number, n: number, tables: number): void;
}

class BumpArena implements MatrixArena {
  private next = 0;
  constructor(
    private readonly buffer: ArrayBuffer,
    private readonly kernel: WasmKernels | null,
  ) {}

  get simd(): boolean {
    return this.kernel !== null;
  }

  alloc(length: number): Float32Array {
    const start = this.next;
    const end = start + Math.ceil(length / ALIGN_FLOATS) * ALIGN_FLOATS;
    if (end * 4 > this.buffer.byteLength) throw new Error(`matrix arena full: ${length} more floats do not fit in ${this.buffer.byteLength / 4}`);
    this.next = end;
    return new Float32Array(this.buffer, start * 4, length);
  }

  gemm(x: Float32Array, w: Float32Array, y: Float32Array, rows: number, inner: number, cols: number, options: GemmOptions = {}): void {
    const accumulate = options.accumulate ?? false;
    const transA = options.transA ?? false;
    if (this.kernel) {
      this.check(x, w, y);
      this.kernel.gemm(x.byteOffset, w.byteOffset, y.byteOffset, rows, inner, cols, accumulate ? 1 : 0, transA ? 1 : 0);
    } else {
      gemmJs(x, w, y, rows, inner, cols, accumulate, transA);
    }
  }

  fillRows(z: Float32Array, bias: Float32Array, rows: number, cols: number): void {
    if (this.kernel) {
      this.check(z, bias);
      this.kernel.addBiasRows(z.byteOffset, bias.byteOffset, rows, cols);
    } else {
      for (let r = 0; r < rows; r++) z.set(bias.subarray(0, cols), r * cols);
    }
  }

  activate(kind: 'elu' | 'relu', z: Float32Array, h: Float32Array, n: number): void {
    if (this.kernel) {
      // The kernel works four at a time, so it may write up to 3 values past n: arena buffers are padded to 4.
      this.aligned(z, h);
      this.kernel[kind](z.byteOffset, h.byteOffset, n);
    } else if (kind === 'relu') {
      for (let i = 0; i < n; i++) h[i] = z[i] > 0 ? z[i] : 0;
    } else {
      for (let i = 0; i < n; i++) h[i] = z[i] > 0 ? z[i] : Math.expm1(z[i]);
    }
  }

  axpy(out: Float32Array, a: Float32Array, b: Float32Array, s: number, n: number): void {
    if (this.kernel) {
      // Four at a time, like activate: it may write up to 3 values past n, inside the padded buffer.
      this.aligned(out, a, b);
      this.kernel.axpy(out.byteOffset, a.byteOffset, b.byteOffset, s, n);
    } else {
      for (let i = 0; i < n; i++) out[i] = a[i] + s * b[i];
    }
  }

  transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
    if (this.kernel) {
      this.check(src, dst);
      this.kernel.transpose(src.byteOffset, dst.byteOffset, rows, cols);
    } else transpose(src, rows, cols, dst);
  }

  colSums(m: Float32Array, rows: number, cols: number, out: Float32Array): void {
    if (this.kernel) {
      this.check(m, out);
      this.kernel.colSums(m.byteOffset, out.byteOffset, rows, cols);
    } else colSumsJs(m, rows, cols, out);
  }

  activationGrad(kind: 'elu' | 'relu', z: Float32Array, h: Float32Array, d: Float32Array, n: number): void {
    if (!this.kernel) return activationGradJs(kind, z, h, d, n);
    this.aligned(z, h, d);
    if (kind === 'elu') this.kernel.eluGrad(z.byteOffset, h.byteOffset, d.byteOffset, n);
    else this.kernel.reluGrad(z.byteOffset, d.byteOffset, n);
  }

  bsamNoisy(theta: Float32Array, w: Float32Array, s: Float32Array, e: Float32Array, n: number, N: number): void {
    if (!this.kernel) return bsamNoisyJs(theta, w, s, e, n, N);
    this.aligned(theta, w, s, e);
    this.kernel.bsamNoisy(theta.byteOffset, w.byteOffset, s.byteOffset, e.byteOffset, n, N);
  }

  bsamPerturb(out: Float32Array, hsum: Float32Array, w: Float32Array, s: Float32Array, g: Float32Array, n: number, rho: number, first: boolean): void {
    if (!this.kernel) return bsamPerturbJs(out, hsum, w, s, g, n, rho, first);
    this.aligned(out, hsum, w, s, g);
    this.kernel.bsamPerturb(out.byteOffset, hsum.byteOffset, w.byteOffset, s.byteOffset, g.byteOffset, n, rho, first ? 1 : 0);
  }

  accumulate(acc: Float32Array, g: Float32Array, n: number, first: boolean): void {
    if (!this.kernel) return accumulateJs(acc, g, n, first);
    this.aligned(acc, g);
    this.kernel.accumulate(acc.byteOffset, g.byteOffset, n, first ? 1 : 0);
  }

  bsamUpdate(w: Float32Array, s: Float32Array, gm: Float32Array, gsum: Float32Array, hsum: Float32Array, n: number, h: BsamUpdateHyper): void {
    if (!this.kernel) return bsamUpdateJs(w, s, gm, gsum, hsum, n, h);
    this.aligned(w, s, gm, gsum, hsum);
    this.kernel.bsamUpdate(w.byteOffset, s.byteOffset, gm.byteOffset, gsum.byteOffset, hsum.byteOffset, n, h.K, h.beta1, h.beta2, h.decay, h.lr, h.shift);
  }

  sgdUpdate(w: Float32Array, m: Float32Array, g: Float32Array, n: number, mu: number, decay: number, lr: number): void {
    if (!this.kernel) return sgdUpdateJs(w, m, g, n, mu, decay, lr);
    this.aligned(w, m, g);
    this.kernel.sgdUpdate(w.byteOffset, m.byteOffset, g.byteOffset, n, mu, decay, lr);
  }

  adamUpdate(w: Float32Array, m: Float32Array, v: Float32Array, g: Float32Array, n: number, h: AdamUpdateHyper): void {
    if (!this.kernel) return adamUpdateJs(w, m, v, g, n, h);
    this.aligned(w, m, v, g);
    this.kernel.adamUpdate(w.byteOffset, m.byteOffset, v.byteOffset, g.byteOffset, n, h.beta1, h.beta2, h.decay, h.step, h.c2, h.epsilon);
  }

  sumSquares(g: Float32Array, n: number): number {
    if (!this.kernel) return sumSquaresJs(g, n);
    this.check(g);
    return this.kernel.sumSquares(g.byteOffset, n);
  }

  /**
   * Arrays already seen to live in this arena. Reading `.buffer` of a view of WebAssembly memory was a tenth of
   * a small network's step (these calls run hundreds of times a step); a set lookup is a fraction of that.
   */
  private readonly owned = new WeakSet<Float32Array>();

  // Fixed arities, not a rest parameter: a rest array is an allocation per call.
  private check(a: Float32Array, b: Float32Array = a, c: Float32Array = a): void {
    this.own(a);
    if (b !== a) this.own(b);
    if (c !== a) this.own(c);
  }

  private own(m: Float32Array): void {
    if (this.owned.has(m)) return;
    if (m.buffer !== this.buffer) throw new Error('every matrix must come from this arena');
    this.owned.add(m);
  }

  /** The four-at-a-time kernels read and write whole vectors: buffers start on a 4-float boundary (alloc's). */
  private aligned(a: Float32Array, b: Float32Array, c: Float32Array = a, d: Float32Array = a, e: Float32Array = a): void {
    this.check(a, b, c);
    this.check(d, e);
    if ((a.byteOffset | b.byteOffset | c.byteOffset | d.byteOffset | e.byteOffset) % 16) throw new Error('elementwise kernels need buffers that start on a 4-float boundary');
  }
}

/** The same product in plain JavaScript (the fallback, and the reference in tests). */
export function gemmJs(x: Float32Array, w: Float32Array, y: Float32Array, rows: number, inner: number, cols: number, accumulate = false, transA = false): void {
  for (let r = 0; r < rows; r++) {
    const yRow = r * cols;
    if (!accumulate) y.fill(0, yRow, yRow + cols);
    for (let k = 0; k < inner; k++) {
      const a = transA ? x[k * rows + r] : x[r * inner + k];
      const wRow = k * cols;
      for (let c = 0; c < cols; c++) y[yRow + c] += a * w[wRow + c];
    }
  }
}

/** dst[cols][rows] = srcᵀ for src[rows][cols] (products with wᵀ transpose w first: it is small). */
export function transpose(src: Float32Array, rows: number, cols: number, dst: Float32Array): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c];
}
