/**
 * Fast seeded standard normal draws: the ziggurat method of Marsaglia & Tsang (2000, "The ziggurat method for
 * generating random variables"), 128 layers, on the mulberry32 stream of random.ts.
 *
 * Why not Box–Muller (random.ts's seededNormal): bSAM draws one normal per parameter per sub-batch per step
 * (16,485 for the official demo), and log + cos + sin per pair was over a third of a hand-fused step. Here
 * ~99% of draws cost one 32-bit integer, a table lookup and a multiply.
 *
 * Each 32-bit draw is split so the layer index and the value use different bits (the low 7 bits pick the
 * layer, the high 25 give a signed value), avoiding the correlation Doornik (2005) found in the original.
 *
 * `fill` into a Float32Array runs in the SIMD WebAssembly module (gemm.wat's zigguratFill: the mulberry32 hash
 * of four states at once, the same float64 operations and JavaScript's own exp and log in the slow path), so
 * its draws are bit for bit those of `next`; in JavaScript it was about a third of a fused bSAM step.
 */
import { kernelInstance, type WasmKernels } from './gemm/gemm.ts';

const LAYERS = 128;
/** Right edge of the base layer and the common area of every layer (Marsaglia & Tsang's constants). */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** Scale of the signed 25-bit value. */
const M = 2 ** 24;

const kn = new Uint32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M);
  kn[1] = 0;
  wn[0] = q / M;
  wn[LAYERS - 1] = dn / M;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M;
  }
}

/** The WebAssembly sampler's memory: the state and tables, then a chunk of output copied out after each call. */
const TABLES_BYTES = 4096;
const CHUNK = 16384;

interface WasmSampler {
  kernels: WasmKernels;
  state: Uint32Array;
  chunk: Float32Array;
  /** The last partial chunk's view (a step asks for the same count every time: no view made per call). */
  tail: Float32Array;
}

function wasmSampler(): WasmSampler | null {
  const instance = kernelInstance(TABLES_BYTES + 4 * CHUNK);
  if (!instance) return null;
  const buffer = instance.memory.buffer as ArrayBuffer;
  new Uint32Array(buffer, 16, LAYERS).set(kn);
  new Float64Array(buffer, 528, LAYERS).set(wn);
  new Float64Array(buffer, 1552, LAYERS).set(fn);
  return { kernels: instance.kernels, state: new Uint32Array(buffer, 0, 1), chunk: new Float32Array(buffer, TABLES_BYTES, CHUNK), tail: new Float32Array(0) };
}

export interface NormalSampler {
  /** One standard normal draw. */
  next(): number;
  /** out[from … to) ← standard normal draws, in order (the same values `next` would give). */
  fill(out: Float32Array | Float64Array, from?: number, to?: number): void;
}

export function zigguratNormal(seed: number): NormalSampler {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  /** Uniform in (0, 1]: log of it is finite. */
  const uniform = (): number => (uint32() + 1) / 4294967296;

  /** The rare cases: the base layer's tail, or a point in a layer's wedge that needs the exact density test. */
  const slow = (h: number, i: number): number => {
    for (;;) {
      const x = h * wn[i];
      if (i === 0) {
        let tail: number;
        let y: number;
        do {
          tail = -Math.log(uniform()) / R;
          y = -Math.log(uniform());
        } while (y + y < tail * tail);
        return h > 0 ? R + tail : -R - tail;
      }
      if (fn[i] + uniform() * (fn[i - 1] - fn[i]) < Math.exp(-0.5 * x * x)) return x;
      const j = uint32();
      i = j & (LAYERS - 1);
      h = (j | 0) >> 7;
      if (Math.abs(h) < kn[i]) return h * wn[i];
    }
  };

  const next = (): number => {
    const j = uint32();
    const i = j & (LAYERS - 1);
    const h = (j | 0) >> 7;
    return Math.abs(h) < kn[i] ? h * wn[i] : slow(h, i);
  };

  // Made on the first fill of a Float32Array (next() alone never needs it).
  let wasm: WasmSampler | null | undefined;

  return {
    next,
    fill(out, from = 0, to = out.length) {
      if (out instanceof Float32Array && to - from >= 64) {
        wasm ??= wasmSampler();
        if (wasm) {
          const { kernels, chunk } = wasm;
          for (let k = from; k < to; k += CHUNK) {
            const n = Math.min(CHUNK, to - k);
            wasm.state[0] = state;
            kernels.zigguratFill(chunk.byteOffset, n, 0);
            state = wasm.state[0];
            if (n === CHUNK) out.set(chunk, k);
            else {
              if (wasm.tail.length !== n) wasm.tail = chunk.subarray(0, n);
              out.set(wasm.tail, k);
            }
          }
          return;
        }
      }
      // next() inlined, mulberry32 included: this loop is bSAM's per-step noise.
      for (let k = from; k < to; k++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const j = (t ^ (t >>> 14)) >>> 0;
        const i = j & (LAYERS - 1);
        const h = (j | 0) >> 7;
        out[k] = Math.abs(h) < kn[i] ? h * wn[i] : slow(h, i);
      }
    },
  };
}
