/**
 * The standard-normal stream of `seededNormal` (src/math/random.ts: mulberry32 uniforms, Box–Muller pairs,
 * cos first and the sin kept as a spare), draw for draw, but filling a buffer in one tight loop: bSAM on the
 * official demo needs 5 × 3,297 normals a step, and a closure call per draw costs more than the arithmetic.
 * The fused run must replay TrainingRun's noise exactly, so any change here must keep the bits identical
 * (normal-stream.test.ts compares the two streams value for value).
 */

const TWO_PI = 2 * Math.PI;

/**
 * Where bSAM's per-step noise comes from: the draws of seededNormal(seeds.noise), in order. NormalStream
 * computes them in the calling thread; a source that prefetches the same stream on another thread (they cost
 * about as much as the network's arithmetic, see bench/fused.ts) can stand in for it.
 */
export interface NoiseSource {
  fill(out: Float32Array, start: number, end: number): void;
}

export class NormalStream implements NoiseSource {
  /** mulberry32's state. */
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    const one = this.scratch;
    this.fill(one, 0, 1);
    return one[0];
  }

  private readonly scratch = new Float64Array(1);

  /** Writes the next `end − start` draws into out[start … end). */
  fill(out: Float32Array | Float64Array, start = 0, end = out.length): void {
    let i = start;
    if (i < end && this.hasSpare) {
      out[i++] = this.spare;
      this.hasSpare = false;
    }
    // `| 0` instead of `>>> 0` keeps the state a small integer for the JIT; the bits, and so every draw, are the same.
    let a = this.state | 0;
    for (; i < end; i += 2) {
      a = (a + 0x6d2b79f5) | 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = 1 - ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      a = (a + 0x6d2b79f5) | 0;
      t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const v = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      const r = Math.sqrt(-2 * Math.log(u));
      const angle = TWO_PI * v;
      out[i] = r * Math.cos(angle);
      const second = r * Math.sin(angle);
      if (i + 1 < end) out[i + 1] = second;
      else {
        this.spare = second;
        this.hasSpare = true;
      }
    }
    this.state = a;
  }
}
