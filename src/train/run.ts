/**
 * A training run on TensorFlow.js (whichever backend is active: webgpu, webgl, wasm or cpu): TrainingCore (the
 * epoch loop, data, schedule, evaluation shared with the fused engine, fused/fused-run.ts) over parameters
 * kept as ONE flat tensor per optimizer buffer (flat-params.ts), so the elementwise updates are a few kernels
 * a step whatever the network's depth. Everything random is seeded (data, initial weights, shuffles, bSAM's
 * per-step noise), so the same config on the same backend reproduces the same numbers.
 */
import { seededNormal } from '../math/random.ts';
import { zigguratNormal } from '../math/ziggurat.ts';
import type { TrainingConfig } from '../state/training.ts';
import { bsamStepFlat, type FlatBsamState } from './bsam.ts';
import { parameterName, predictiveSeed, TrainingCore, type FlatPrediction, type LayerValues, type RunOptions } from './core/training-core.ts';
import { subBatchCount } from './core/optimizer-plan.ts';
import type { DeviceReads } from './device-reads.ts';
import { FlatLayout } from './flat-params.ts';
import type { Params } from './mlp.ts';
import { batchLoss, initParams, layerSizes, predictProba, stackedBatchLoss, stackedProba, type MlpSpec } from './model.ts';
import { optimizerStepFlat, samStepStackedFlat, type FlatOptimizerState } from './optimizers.ts';
import { Scalars, tf, upload } from './tf.ts';

export type { EpochReport, Evaluation, FlatPrediction, LayerValues, Prediction, StepResult } from './core/training-core.ts';

/** Floats a prediction's stacked activations may hold at once (16 MB): bounds memory for wide nets and big test sets. */
const PREDICTION_FLOATS = 2 ** 22;

export class TrainingRun extends TrainingCore {
  readonly spec: MlpSpec;
  private readonly layout: FlatLayout;
  private readonly x: tf.Tensor2D;
  private readonly labels: tf.Tensor1D;
  private opt: FlatOptimizerState | null = null;
  private bsam: FlatBsamState | null = null;
  private readonly noise: () => number;
  private readonly scalars = new Scalars();
  /** The mean weights split into the network's tensors, made when `weights` is read, for the current w. */
  private views: { of: tf.Tensor; params: Params } | null = null;

  constructor(config: TrainingConfig, options: RunOptions = {}) {
    super(config, options);
    const { inputDim, classes, train } = this.table;
    this.spec = { inputs: inputDim, hidden: config.model.hidden, activation: config.model.activation, classes, biasInit: config.model.biasInit, seed: config.seeds.init };
    const n = train.labels.length;
    this.x = upload(train.x, [n, inputDim]) as tf.Tensor2D;
    this.labels = upload(train.labels, [n], 'int32') as tf.Tensor1D;
    // bSAM's per-step noise: ziggurat normals, about 4× cheaper than Box–Muller (src/math/ziggurat.ts).
    this.noise = zigguratNormal(config.seeds.noise).next;
    const init = initParams(this.spec);
    this.layout = FlatLayout.of(init);
    const w = tf.tidy(() => this.layout.join(init)) as tf.Tensor1D;
    init.forEach((t) => t.dispose());
    const plan = this.plan;
    if (plan.family === 'bsam') this.bsam = { w, s: tf.fill([this.layout.count], plan.sInit), gm: tf.zerosLike(w) };
    else this.opt = { w, m: tf.zerosLike(w), v: plan.base === 'adam' ? tf.zerosLike(w) : null, t: 0 };
  }

  private get flatWeights(): tf.Tensor1D {
    return (this.bsam?.w ?? this.opt?.w) as tf.Tensor1D;
  }

  /** The mean weights as the network's tensors [w0, b0, w1, b1, …] (owned by the run: valid until the next step). */
  get weights(): Params {
    const w = this.flatWeights;
    if (this.views?.of !== w) {
      this.views?.params.forEach((t) => t.dispose());
      this.views = { of: w, params: tf.tidy(() => this.layout.split(w)) };
    }
    return this.views.params;
  }

  /** The mean weights, flattened layer by layer (W row-major, then b), in one read. */
  *weightsReads(): DeviceReads<Float32Array> {
    return Float32Array.from(yield tf.clone(this.flatWeights));
  }

  protected stackLosses(losses: tf.Scalar[]): tf.Tensor {
    return tf.tidy(() => tf.stack(losses));
  }

  /** One optimizer step on rows[start … start + count); the loss where the gradient was taken stays on the device. */
  protected stepRows(rows: ArrayLike<number>, start: number, count: number, lr: number): tf.Scalar {
    const plan = this.plan;
    const c = this.scalars;
    // K equal sub-batches for bSAM and SAM (m-sharpness), computed stacked; K = 1 (plain SGD / Adam, or SAM
    // asked for K = 1) takes the whole batch unstacked, exactly as before m-sharpness reached SAM.
    const K = subBatchCount(plan, count);
    if (plan.family === 'bsam') {
      const { idx, xs, ys } = this.subBatches(rows, start, count, K);
      const noise = this.bsamNoise(K);
      const result = bsamStepFlat(this.bsam as FlatBsamState, this.layout, (w) => stackedBatchLoss(this.spec, w, xs, ys), K, noise, plan.hyper, lr, c);
      this.bsam = result.state;
      [idx, xs, ys, noise].forEach((t) => t.dispose());
      return result.loss;
    }
    if (K > 1 && plan.samRho !== null) {
      const { idx, xs, ys } = this.subBatches(rows, start, count, K);
      const result = samStepStackedFlat(this.opt as FlatOptimizerState, this.layout, (w) => stackedBatchLoss(this.spec, w, xs, ys), K, plan.base, plan.hyper, lr, plan.samRho, c);
      this.opt = result.state;
      [idx, xs, ys].forEach((t) => t.dispose());
      return result.loss;
    }
    const idx = upload(indexRange(rows, start, count), [count], 'int32');
    const xb = tf.gather(this.x, idx) as tf.Tensor2D;
    const yb = tf.gather(this.labels, idx) as tf.Tensor1D;
    const result = optimizerStepFlat(this.opt as FlatOptimizerState, this.layout, (w) => batchLoss(this.spec, w, xb, yb), plan.base, plan.hyper, lr, plan.samRho, c);
    this.opt = result.state;
    [idx, xb, yb].forEach((t) => t.dispose());
    return result.loss;
  }

  /** The batch as K equal sub-batches, stacked [K, size, D] and [K, size]; rows beyond K·size are dropped, as the official split does. */
  private subBatches(rows: ArrayLike<number>, start: number, count: number, K: number): { idx: tf.Tensor; xs: tf.Tensor3D; ys: tf.Tensor2D } {
    const D = this.table.inputDim;
    const size = Math.floor(count / K);
    const idx = upload(indexRange(rows, start, K * size), [K * size], 'int32');
    const xs = tf.tidy(() => tf.reshape(tf.gather(this.x, idx), [K, size, D]) as tf.Tensor3D);
    const ys = tf.tidy(() => tf.reshape(tf.gather(this.labels, idx), [K, size]) as tf.Tensor2D);
    return { idx, xs, ys };
  }

  /** e_k for every parameter as one [K, P] upload; the draw order (k, then the flat layout) is the fused engine's. */
  private bsamNoise(K: number): tf.Tensor2D {
    return upload(drawNormals(K * this.layout.count, this.noise), [K, this.layout.count]) as tf.Tensor2D;
  }

  /**
   * bSAM's posterior standard deviation 1/sqrt(N·s) for every parameter, per layer ("layer 1 W", "layer 1 b",
   * …, counting from the input), W row-major [in][out]; empty for the other optimizers (they have no posterior).
   */
  *posteriorStdReads(): DeviceReads<LayerValues[]> {
    if (!this.bsam) return [];
    const s = this.bsam.s;
    const flat = yield tf.tidy(() => tf.rsqrt(tf.mul(this.scalars.of(this.posteriorDataSize), s)));
    let offset = 0;
    return this.layout.sizes.map((size, i) => {
      const values = Float32Array.from(flat.subarray(offset, offset + size));
      offset += size;
      return { layer: parameterName(i), values };
    });
  }

  /**
   * The mean weights' class probabilities and, for bSAM, the average over `predictiveSamples` posterior samples
   * w + e·sqrt(1/(N·s)) (seeded: repeated evaluations agree), with p(class 1) under the first `keep` samples:
   * everything read back in ONE transfer (a read per sample cost ~25 GPU→CPU syncs a decision grid, minutes on
   * SwiftShader). Samples go through the network several at a time and the rows in chunks, so that the
   * stacked activations stay under PREDICTION_FLOATS whatever the network and the number of rows.
   */
  protected *predictRowsReads(x: Float32Array, rows: number, keep: number): DeviceReads<FlatPrediction> {
    const C = this.table.classes;
    const input = upload(x, [rows, this.table.inputDim]) as tf.Tensor2D;
    const bsam = this.bsam;
    if (!bsam) {
      const probs = tf.tidy(() => tf.reshape(predictProba(this.spec, this.layout.split(this.flatWeights), input), [-1]));
      input.dispose();
      const mean = Float32Array.from(yield probs);
      return { averaged: mean, mean, samples: [] };
    }
    const count = this.config.predictiveSamples;
    const total = Math.max(count, keep);
    const P = this.layout.count;
    const widest = Math.max(...layerSizes(this.spec));
    const perGroup = Math.max(1, Math.min(total, Math.floor(PREDICTION_FLOATS / P)));
    const chunk = Math.max(1, Math.floor(PREDICTION_FLOATS / (perGroup * widest)));
    const draw = seededNormal(predictiveSeed(this.config));
    const all = tf.tidy(() => {
      const std = tf.rsqrt(tf.mul(this.scalars.of(this.posteriorDataSize), bsam.s));
      let sum: tf.Tensor | null = null;
      const kept: tf.Tensor[] = [];
      for (let first = 0; first < total; first += perGroup) {
        const G = Math.min(perGroup, total - first);
        const used = Math.min(G, Math.max(0, count - first));
        const shown = Math.min(G, Math.max(0, keep - first));
        const e = upload(drawNormals(G * P, draw), [G, P]);
        const part = tf.tidy(() => {
          const samples = this.layout.split(tf.add(bsam.w, tf.mul(e, std)), [G]);
          const sums: tf.Tensor[] = [];
          const ones: tf.Tensor[] = [];
          for (let r = 0; r < rows; r += chunk) {
            const n = Math.min(chunk, rows - r);
            const p = stackedProba(this.spec, samples, tf.slice(input, [r, 0], [n, -1])); // [G, n, C]
            if (used) sums.push(tf.sum(tf.slice(p, [0, 0, 0], [used, n, C]), 0));
            if (shown) ones.push(tf.reshape(tf.slice(p, [0, 0, 1], [shown, n, 1]), [shown, n]));
          }
          // Arrays, not nulls: what tf.tidy returns must be tensors.
          return { sum: used ? [tf.concat(sums, 0)] : [], kept: shown ? [tf.concat(ones, 1)] : [] };
        });
        e.dispose();
        for (const s of part.sum) sum = sum ? tf.add(sum, s) : s;
        kept.push(...part.kept);
      }
      const averaged = tf.div(sum as tf.Tensor, this.scalars.of(count));
      const mean = predictProba(this.spec, this.layout.split(bsam.w), input);
      const pieces = [tf.reshape(averaged, [-1]), tf.reshape(mean, [-1]), ...kept.map((k) => tf.reshape(k, [-1]))];
      return tf.concat(pieces);
    });
    input.dispose();
    const flat = yield all;
    const samples = Array.from({ length: keep }, (_, k) => Float32Array.from(flat.subarray(2 * rows * C + k * rows, 2 * rows * C + (k + 1) * rows)));
    return { averaged: Float32Array.from(flat.subarray(0, rows * C)), mean: Float32Array.from(flat.subarray(rows * C, 2 * rows * C)), samples };
  }

  override dispose(): void {
    super.dispose();
    const state = this.bsam ? [this.bsam.w, this.bsam.s, this.bsam.gm] : this.opt ? [this.opt.w, this.opt.m, ...(this.opt.v ? [this.opt.v] : [])] : [];
    [this.x, this.labels, ...state, ...(this.views?.params ?? [])].forEach((t) => t.dispose());
    this.views = null;
    this.scalars.dispose();
  }
}

/** rows[start … start + count) as int32 indices for a gather. */
function indexRange(rows: ArrayLike<number>, start: number, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = rows[start + i];
  return out;
}

function drawNormals(count: number, draw: () => number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = draw();
  return out;
}
