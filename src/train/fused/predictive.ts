/**
 * Predictions of the fused engine: the mean weights' class probabilities, and bSAM's posterior predictive
 * averaged over samples w + e·sqrt(1/(N·s)) drawn exactly as TrainingRun.predictDetailed draws them (a fresh
 * seeded stream each call, sample by sample, w then b layer by layer), computed in float32 as tfjs does. The
 * samples go through the batched forward pass several at a time, on chunks of the points.
 */
import { DenseMlp, type FusedActivation } from './dense-mlp.ts';
import { NormalStream } from './normal-stream.ts';

/** Rows (samples × points) one forward call handles: bounds the scratch at a few MB for the widest nets. */
const CAPACITY_ROWS = 4096;
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

  constructor(sizes: readonly number[], activation: FusedActivation) {
    this.mlp = new DenseMlp(sizes, activation, CAPACITY_ROWS, false);
    this.classes = this.mlp.classes;
    this.sampleParams = new Float32Array(SAMPLES_PER_CALL * this.mlp.paramCount);
    this.std = new Float32Array(this.mlp.paramCount);
    this.probs = new Float32Array(CAPACITY_ROWS * this.classes);
  }

  /** Class probabilities [point][class] of one parameter vector. */
  meanProbabilities(w: Float32Array, points: { x: number; y: number }[]): number[][] {
    const input = toInput(points);
    const C = this.classes;
    const out: number[][] = [];
    for (let start = 0; start < points.length; start += CAPACITY_ROWS) {
      const rows = Math.min(CAPACITY_ROWS, points.length - start);
      this.mlp.probabilities(w, 1, input.subarray(2 * start), rows, true, this.probs);
      for (let r = 0; r < rows; r++) out.push(Array.from(this.probs.subarray(r * C, (r + 1) * C)));
    }
    return out;
  }

  /**
   * The average of the class probabilities over the first `count` posterior samples, and p(class 1) at every
   * point under each of the first `keep` samples; the samples come from seededNormal(seed)'s stream.
   */
  posteriorProbabilities(
    posterior: DiagonalPosterior,
    points: { x: number; y: number }[],
    count: number,
    keep: number,
    seed: number,
  ): { averaged: number[][]; samples: number[][] } {
    const { w, s, dataSize } = posterior;
    const P = w.length;
    const C = this.classes;
    const { std, sampleParams, probs } = this;
    // As tf.rsqrt(tf.mul(N, s)): the product rounded to float32, then 1/sqrt.
    for (let i = 0; i < P; i++) std[i] = 1 / Math.sqrt(Math.fround(dataSize * s[i]));
    const input = toInput(points);
    const sum = new Float32Array(points.length * C);
    const samples: number[][] = [];
    const draw = new NormalStream(seed);
    const total = Math.max(count, keep);
    for (let first = 0; first < total; first += SAMPLES_PER_CALL) {
      const groups = Math.min(SAMPLES_PER_CALL, total - first);
      draw.fill(sampleParams, 0, groups * P);
      for (let g = 0; g < groups; g++) {
        const o = g * P;
        for (let i = 0; i < P; i++) sampleParams[o + i] = w[i] + Math.fround(sampleParams[o + i] * std[i]);
        if (first + g < keep) samples.push(new Array<number>(points.length));
      }
      const rowsPerCall = Math.floor(CAPACITY_ROWS / groups);
      for (let start = 0; start < points.length; start += rowsPerCall) {
        const rows = Math.min(rowsPerCall, points.length - start);
        this.mlp.probabilities(sampleParams, groups, input.subarray(2 * start), rows, true, probs);
        for (let g = 0; g < groups; g++) {
          const k = first + g;
          const base = g * rows * C;
          if (k < count) for (let i = 0; i < rows * C; i++) sum[start * C + i] += probs[base + i];
          if (k < keep) for (let r = 0; r < rows; r++) samples[k][start + r] = probs[base + r * C + 1];
        }
      }
    }
    const averaged: number[][] = [];
    for (let r = 0; r < points.length; r++) {
      const row = new Array<number>(C);
      for (let c = 0; c < C; c++) row[c] = Math.fround(sum[r * C + c] / count);
      averaged.push(row);
    }
    return { averaged, samples };
  }
}

function toInput(points: { x: number; y: number }[]): Float32Array {
  const input = new Float32Array(2 * points.length);
  points.forEach((p, i) => {
    input[2 * i] = p.x;
    input[2 * i + 1] = p.y;
  });
  return input;
}
