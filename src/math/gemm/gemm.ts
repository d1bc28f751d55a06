/**
 * Float32 matrix products for the hand-fused engines (training steps, network slices). tfjs spends most of a
 * small network's step dispatching ops; these engines instead keep every buffer in one arena and multiply with
 * a 128-bit SIMD WebAssembly kernel (gemm.wat), about 10× the speed of the same loops in plain JavaScript here.
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
  return new BumpArena(memory.buffer as ArrayBuffer, instance.exports.gemm as WasmGemm);
}

type WasmGemm = (x: number, w: number, y: number, rows: number, inner: number, cols: number, accumulate: number, transA: number) => void;

class BumpArena implements MatrixArena {
  private next = 0;
  constructor(
    private readonly buffer: ArrayBuffer,
    private readonly kernel: WasmGemm | null,
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
      for (const m of [x, w, y]) if (m.buffer !== this.buffer) throw new Error('gemm: every matrix must come from this arena');
      this.kernel(x.byteOffset, w.byteOffset, y.byteOffset, rows, inner, cols, accumulate ? 1 : 0, transA ? 1 : 0);
    } else {
      gemmJs(x, w, y, rows, inner, cols, accumulate, transA);
    }
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
