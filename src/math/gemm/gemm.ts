/**
 * Float32 matrix products for the hand-fused engines (training steps, network slices). tfjs spends most of a
 * small network's step dispatching ops; these engines instead keep every buffer in one arena and multiply with
 * a 128-bit SIMD WebAssembly kernel (gemm.wat), about 10× the speed of the same loops in plain JavaScript here;
 * the elementwise steps around the products (bias rows, elu, relu) run there too.
 * Where WebAssembly SIMD is missing, the same arena API runs the plain JavaScript loops.
 *
 * Usage: size the arena once (`createArena(totalFloats)`), take every buffer from `alloc`, then call `gemm` on
 * those buffers only: the kernel addresses them by their offset in the arena's memory.
 */
import { GEMM_WASM_BASE64 } from './gemm-binary.ts';

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
}

const PAGE_BYTES = 65536;
const ALIGN_FLOATS = 4;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is not available. Compiled once (it is 333 bytes). */
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
  const instance = new WebAssembly.Instance(module, {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const needed = Math.ceil((floats * 4) / PAGE_BYTES);
  if (needed > memory.buffer.byteLength / PAGE_BYTES) memory.grow(needed - memory.buffer.byteLength / PAGE_BYTES);
  return new BumpArena(memory.buffer as ArrayBuffer, instance.exports as unknown as WasmKernels);
}

interface WasmKernels {
  gemm(x: number, w: number, y: number, rows: number, inner: number, cols: number, accumulate: number, transA: number): void;
  addBiasRows(z: number, bias: number, rows: number, cols: number): void;
  elu(z: number, h: number, n: number): void;
  relu(z: number, h: number, n: number): void;
  axpy(out: number, a: number, b: number, s: number, n: number): void;
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
      this.check(z, h);
      if (z.byteOffset % 16 || h.byteOffset % 16) throw new Error('activate: buffers must start on a 4-float boundary');
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
      this.check(out, a, b);
      if (out.byteOffset % 16 || a.byteOffset % 16 || b.byteOffset % 16) throw new Error('axpy: buffers must start on a 4-float boundary');
      this.kernel.axpy(out.byteOffset, a.byteOffset, b.byteOffset, s, n);
    } else {
      for (let i = 0; i < n; i++) out[i] = a[i] + s * b[i];
    }
  }

  private check(...matrices: Float32Array[]): void {
    for (const m of matrices) if (m.buffer !== this.buffer) throw new Error('every matrix must come from this arena');
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
