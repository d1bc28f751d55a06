/**
 * Predictions of the fused engine: the mean weights' class probabilities, and bSAM's posterior predictive
 * averaged over samples w + e·sqrt(1/(N·s)) drawn exactly as TrainingRun.predictDetailed draws them (a fresh
 * seeded stream each call, sample by sample, w then b layer by layer), computed in float32 as tfjs does. The
 * samples go through the batched forward pass several at a time, on chunks of the points.
 */
import { DenseMlp, type FusedActivation } from './dense-mlp.ts';
import { NormalStream } from './normal-stream.ts';

/**
 * Rows (samples × points) one forward call handles: 4,096 for the lab's small nets, fewer for wide ones, so
 * that the activations held stay near 2²² floats (16 MB) whatever the widths.
 */
function capacityRows(sizes: readonly number[]): number {
  const widths = sizes.reduce((a, b) => a + b, 0);
  return Math.max(64, Math.min(4096, Math.floor(2 ** 22 / widths)));
}
const SAMPLES_PER_CALL = 16;

export interface DiagonalPosterior {
  w: Float32Array;
  s: Float32Array;
  /** N in the variance 1/(N·s). */
  dataSize: number;
}

export class PosteriorPredictor {
  private readonly mlp: DenseMlp;
  private readonly classes: number;
  private readonly sampleParams: Float32Array;
  private readonly std: Float32Array;
  private readonly probs: Float32Array;
  private readonly capacity: number;

  constructor(sizes: readonly number[], activation: FusedActivation) {
    this.capacity = capacityRows(sizes);
    this.mlp = new DenseMlp(sizes, activation, this.capacity, false);
    this.classes = this.mlp.classes;
    this.sampleParams = new Float32Array(SAMPLES_PER_CALL * this.mlp.paramCount);
    this.std = new Float32Array(this.mlp.paramCount);
    this.probs = new Float32Array(this.capacity * this.classes);
  }

  /** Class probabilities [row][class] of one parameter vector at `rows` inputs (row-major in x). */
  meanProbabilities(w: Float32Array, x: Float32Array, rows: number): Float32Array {
    const C = this.classes;
    const D = this.mlp.inputs;
    const out = new Float32Array(rows * C);
    for (let start = 0; start < rows; start += this.capacity) {
      const count = Math.min(this.capacity, rows - start);
      this.mlp.probabilities(w, 1, x.subarray(D * start), count, true, this.probs);
      out.set(this.probs.subarray(0, count * C), start * C);
    }
    return out;
  }

  /**
   * The average of the class probabilities over the first `count` posterior samples ([row][class]), and
   * p(class 1) at every row under each of the first `keep` samples; the samples come from seededNormal(seed)'s
   * stream.
   */
  posteriorProbabilities(
    posterior: DiagonalPosterior,
    x: Float32Array,
    rows: number,
    count: number,
    keep: number,
    seed: number,
  ): { averaged: Float32Array; samples: Float32Array[] } {
    const { w, s, dataSize } = posterior;
    const P = w.length;
    const C = this.classes;
    const D = this.mlp.inputs;
    const { std, sampleParams, probs } = this;
    // As tf.rsqrt(tf.mul(N, s)): the product rounded to float32, then 1/sqrt.
    for (let i = 0; i < P; i++) std[i] = 1 / Math.sqrt(Math.fround(dataSize * s[i]));
    const sum = new Float32Array(rows * C);
    const samples: Float32Array[] = [];
    const draw = new NormalStream(seed);
    const total = Math.max(count, keep);
    for (let first = 0; first < total; first += SAMPLES_PER_CALL) {
      const groups = Math.min(SAMPLES_PER_CALL, total - first);
      draw.fill(sampleParams, 0, groups * P);
      for (let g = 0; g < groups; g++) {
        const o = g * P;
        for (let i = 0; i < P; i++) sampleParams[o + i] = w[i] + Math.fround(sampleParams[o + i] * std[i]);
        if (first + g < keep) samples.push(new Float32Array(rows));
      }
      const rowsPerCall = Math.floor(this.capacity / groups);
      for (let start = 0; start < rows; start += rowsPerCall) {
        const n = Math.min(rowsPerCall, rows - start);
        this.mlp.probabilities(sampleParams, groups, x.subarray(D * start), n, true, probs);
        for (let g = 0; g < groups; g++) {
          const k = first + g;
          const base = g * n * C;
          if (k < count) for (let i = 0; i < n * C; i++) sum[start * C + i] += probs[base + i];
          if (k < keep) for (let r = 0; r < n; r++) samples[k][start + r] = probs[base + r * C + 1];
        }
      }
    }
    const averaged = new Float32Array(rows * C);
    for (let i = 0; i < rows * C; i++) averaged[i] = sum[i] / count;
    return { averaged, samples };
  }
}
