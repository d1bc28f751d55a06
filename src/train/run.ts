/**
 * A training run: the dataset, the network and the optimizer of a TrainingConfig, stepped one minibatch at a
 * time, with per-epoch evaluation. Everything random is seeded (data, initial weights, and shuffles plus
 * bSAM's per-step noise), so the same config on the same backend reproduces the same numbers.
 */
import { seededNormal, seededUniform } from '../math/random.ts';
import { zigguratNormal } from '../math/ziggurat.ts';
import type { TrainingConfig } from '../state/training.ts';
import { bsamStepStackedOnDevice, initBsamState, type BsamHyper, type BsamState } from './bsam.ts';
import { makeDataset, type Dataset, type Point } from './datasets.ts';
import { accuracy, ece, nll, reliability, type EpochReport, type Evaluation } from './metrics.ts';

export type { EpochReport, Evaluation };

export interface StepResult {
  /** The loss where the step's gradient was taken (read from the device on first use). */
  readonly loss: number;
  /** The epoch's mean step loss when this step ended an epoch, else null. */
  readonly epochLoss: number | null;
}

export interface Prediction {
  /** Class probabilities per point: bSAM's averaged predictive, else the mean weights'. */
  averaged: number[][];
  mean: number[][];
  /** p(class 1) per point under each of the first `keep` posterior samples (bSAM). */
  samples: number[][];
}

export interface LayerValues {
  /** "layer 1 W", "layer 1 b", …, counting from the input. */
  layer: string;
  values: Float32Array;
}
import type { Params } from './mlp.ts';
import { batchLoss, initParams, predictProba, stackedBatchLoss, stackedProba, type MlpSpec } from './model.ts';
import { initOptimizerState, optimizerStepOnDevice, type OptimizerHyper, type OptimizerState } from './optimizers.ts';
import { Scalars, tf, upload } from './tf.ts';
import { readNow, type DeviceReads } from './device-reads.ts';
import { lrFactor, stepsPerEpoch, effectiveBatchSize } from './schedule.ts';


export class TrainingRun {
  readonly data: Dataset;
  readonly spec: MlpSpec;
  epoch = 0;
  step = 0;
  private readonly x: tf.Tensor2D;
  private readonly labels: tf.Tensor1D;
  private opt: OptimizerState | null = null;
  private bsam: BsamState | null = null;
  private readonly noise: () => number;
  private readonly shuffle: () => number;
  private readonly scalars = new Scalars();

  constructor(readonly config: TrainingConfig) {
    const d = config.dataset;
    this.data = makeDataset({ ...d, seed: config.seeds.data });
    this.spec = { hidden: config.model.hidden, activation: config.model.activation, classes: this.data.classes, biasInit: config.model.biasInit, seed: config.seeds.init };
    this.x = upload(Float32Array.from(this.data.train.flatMap((p) => [p.x, p.y])), [this.data.train.length, 2]) as tf.Tensor2D;
    this.labels = upload(Int32Array.from(this.data.train.map((p) => p.label)), [this.data.train.length], 'int32') as tf.Tensor1D;
    // bSAM's per-step noise: ziggurat normals, about 4× cheaper than Box–Muller (src/math/ziggurat.ts).
    this.noise = zigguratNormal(config.seeds.noise).next;
    this.shuffle = seededUniform(config.seeds.noise ^ 0x2545f491);
    const w = initParams(this.spec);
    if (config.optimizer.kind === 'bsam') this.bsam = initBsamState(w, config.optimizer.sInit);
    else this.opt = initOptimizerState(w, config.optimizer.kind.endsWith('adam') ? 'adam' : 'sgd');
    w.forEach((t) => t.dispose());
  }

  /** The mean weights. */
  get weights(): Params {
    return (this.bsam?.w ?? this.opt?.w) as Params;
  }

  get stepsPerEpoch(): number {
    return stepsPerEpoch(this.config, this.data.train.length);
  }

  private get batchSize(): number {
    return effectiveBatchSize(this.config, this.data.train.length);
  }

  private lrFactor(): number {
    return lrFactor(this.config, this.epoch);
  }

  private order: number[] = [];
  private batchInEpoch = 0;
  /** The current epoch's step losses, still on the device, with the result objects that report them. */
  private epochLosses: { loss: tf.Scalar; result: LazyLoss }[] = [];
  private latest: LazyLoss | null = null;

  /**
   * One optimizer step on the next batch of the current epoch (each epoch starts with a seeded shuffle and
   * skips the irregular last batch). When the step ends the epoch, `epochLoss` is its mean step loss.
   *
   * The step's loss stays on the device until `loss` is read (a getter): a caller that reads it once per
   * progress tick, not every step, saves a GPU→CPU sync per step. `epochLoss` needs all the epoch's step
   * losses; they are read together, in one transfer, when the epoch ends (and cached for `loss`).
   */
  advance(): StepResult {
    return readNow(this.advanceReads());
  }

  /** advance() as device reads: it reads only when the step ends an epoch (the epoch's losses, one transfer). */
  *advanceReads(): DeviceReads<StepResult> {
    const b = this.batchSize;
    if (this.batchInEpoch === 0) {
      const n = this.data.train.length;
      this.order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(this.shuffle() * (i + 1));
        [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
      }
    }
    const loss = this.stepOnDevice(this.order.slice(this.batchInEpoch * b, (this.batchInEpoch + 1) * b));
    const result = new LazyLoss(loss);
    this.latest = result;
    this.epochLosses.push({ loss, result });
    this.batchInEpoch++;
    if (this.batchInEpoch < this.stepsPerEpoch) return result;
    const mean = yield* this.closeEpoch();
    this.batchInEpoch = 0;
    this.epoch++;
    return { get loss() { return result.loss; }, epochLoss: mean };
  }

  /** The latest step's loss, read if it was not yet (NaN before the first step). */
  *lastLossReads(): DeviceReads<number> {
    const latest = this.latest;
    if (!latest) return Number.NaN;
    const pending = latest.pending();
    if (pending) latest.set((yield tf.clone(pending))[0]);
    return latest.loss;
  }

  /** Reads the epoch's step losses (one transfer for those not read yet), frees them, returns their mean. */
  private *closeEpoch(): DeviceReads<number> {
    const unread = this.epochLosses.filter((e) => !e.result.read);
    if (unread.length) {
      const values = yield tf.tidy(() => tf.stack(unread.map((e) => e.loss)));
      unread.forEach((e, i) => e.result.set(values[i]));
    }
    let sum = 0;
    for (const e of this.epochLosses) {
      sum += e.result.loss;
      e.loss.dispose();
      e.result.detach();
    }
    this.epochLosses = [];
    return sum / this.stepsPerEpoch;
  }

  /** The rest of the current epoch; returns its mean step loss. */
  trainEpoch(): number {
    for (;;) {
      const { epochLoss } = this.advance();
      if (epochLoss !== null) return epochLoss;
    }
  }

  /** One optimizer step on the given training rows; returns the loss where the gradient was taken. */
  trainStep(rows: number[]): number {
    const loss = this.stepOnDevice(rows);
    try {
      return (loss.dataSync() as Float32Array)[0];
    } finally {
      loss.dispose();
    }
  }

  /** One optimizer step on the given rows; the loss where the gradient was taken stays on the device. */
  private stepOnDevice(rows: number[]): tf.Scalar {
    const o = this.config.optimizer;
    const lr = this.lrFactor();
    let loss: tf.Scalar;
    if (this.bsam) {
      // K equal sub-batches (rows beyond K·size are dropped, as the official split does), computed stacked.
      const K = Math.min(o.msharpness, rows.length);
      const size = Math.floor(rows.length / K);
      const idx = upload(Int32Array.from(rows.slice(0, K * size)), [K * size], 'int32');
      const xs = tf.tidy(() => tf.reshape(tf.gather(this.x, idx), [K, size, 2]) as tf.Tensor3D);
      const ys = tf.tidy(() => tf.reshape(tf.gather(this.labels, idx), [K, size]) as tf.Tensor2D);
      const noise = this.bsamNoise(K);
      const hyper: BsamHyper = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay: o.weightDecay, rho: o.rho, damping: o.damping, dataSize: this.data.train.length };
      const result = bsamStepStackedOnDevice(this.bsam, (w) => stackedBatchLoss(this.spec, w, xs, ys), K, noise, hyper, lr, this.scalars);
      this.bsam = result.state;
      loss = result.loss;
      [idx, xs, ys, ...noise].forEach((t) => t.dispose());
    } else {
      const idx = upload(Int32Array.from(rows), [rows.length], 'int32');
      const xb = tf.gather(this.x, idx) as tf.Tensor2D;
      const yb = tf.gather(this.labels, idx) as tf.Tensor1D;
      const hyper: OptimizerHyper = { learningRate: o.learningRate, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: 1e-8, weightDecay: o.weightDecay };
      const base = o.kind.endsWith('adam') ? 'adam' : 'sgd';
      const rho = o.kind.startsWith('sam') ? o.rho : null;
      const result = optimizerStepOnDevice(this.opt as OptimizerState, (w) => batchLoss(this.spec, w, xb, yb), base, hyper, lr, rho, this.scalars);
      this.opt = result.state;
      loss = result.loss;
      [idx, xb, yb].forEach((t) => t.dispose());
    }
    this.step++;
    return loss;
  }

  /**
   * e_k for every parameter, drawn sub-batch by sub-batch from the noise stream, stacked as [K, …shape]:
   * written straight into each parameter's stacked array (the draw order is k, then parameter, then element).
   */
  private bsamNoise(K: number): Params {
    return this.stackedNormals((this.bsam as BsamState).w, K, this.noise);
  }

  private stackedNormals(like: Params, K: number, draw: () => number): Params {
    const arrays = like.map((t) => new Float32Array(K * t.size));
    for (let k = 0; k < K; k++) {
      like.forEach((t, i) => {
        const a = arrays[i];
        for (let j = k * t.size, end = j + t.size; j < end; j++) a[j] = draw();
      });
    }
    return like.map((t, i) => upload(arrays[i], [K, ...t.shape]));
  }

  /**
   * Class probabilities at points: for bSAM the average over `predictiveSamples` posterior samples
   * w + e·sqrt(1/(N·s)) (a fixed seeded set, so repeated evaluations agree), else the mean weights'.
   * `mean: true` asks for the mean-weights prediction of bSAM too.
   */
  predict(points: { x: number; y: number }[], mean = false): number[][] {
    return mean || !this.bsam ? this.predictDetailed(points, 0).mean : this.predictDetailed(points, 0).averaged;
  }

  /**
   * Everything the decision-boundary view needs in one pass: the averaged predictive, the mean-weights
   * prediction, and p(class 1) under the first `keep` posterior samples (bSAM; empty otherwise).
   */
  predictDetailed(points: { x: number; y: number }[], keep: number): Prediction {
    return readNow(this.predictReads(points, keep));
  }

  /** predictDetailed as device reads (one read). */
  *predictReads(points: { x: number; y: number }[], keep: number): DeviceReads<Prediction> {
    const n = points.length;
    const C = this.data.classes;
    const x = upload(Float32Array.from(points.flatMap((p) => [p.x, p.y])), [n, 2]) as tf.Tensor2D;
    const bsam = this.bsam;
    if (!bsam) {
      const probs = tf.tidy(() => predictProba(this.spec, this.weights, x));
      x.dispose();
      const mean = toRows(yield probs, 0, n, C);
      return { averaged: mean, mean, samples: [] };
    }
    // All posterior samples in one stacked forward pass and everything read back in ONE transfer: the
    // sample-by-sample loop cost ~25 GPU→CPU syncs a decision grid (minutes on SwiftShader's WebGPU).
    const count = this.config.predictiveSamples;
    const S = Math.max(count, keep);
    const draw = seededNormal(this.config.seeds.noise ^ 0x6a09e667);
    const e = this.stackedNormals(bsam.w, S, draw);
    const all = tf.tidy(() => {
      const N = this.scalars.of(this.data.train.length);
      const w = bsam.w.map((wi, i) => tf.add(wi, tf.mul(e[i], tf.rsqrt(tf.mul(N, bsam.s[i])))));
      const p = stackedProba(this.spec, w, x); // [S, n, C]
      const averaged = tf.mean(tf.slice(p, [0, 0, 0], [count, n, C]), 0);
      const mean = predictProba(this.spec, bsam.w, x);
      const samples = tf.slice(p, [0, 0, 1], [keep, n, 1]);
      return tf.concat([tf.reshape(averaged, [-1]), tf.reshape(mean, [-1]), tf.reshape(samples, [-1])]);
    });
    [x, ...e].forEach((t) => t.dispose());
    const flat = yield all;
    const samples = Array.from({ length: keep }, (_, k) => Array.from(flat.subarray(2 * n * C + k * n, 2 * n * C + (k + 1) * n)));
    return { averaged: toRows(flat, 0, n, C), mean: toRows(flat, n * C, n, C), samples };
  }

  /**
   * bSAM's posterior standard deviation 1/sqrt(N·s) for every parameter, per layer ("layer 1 W", "layer 1 b",
   * …, counting from the input), W row-major [in][out]; empty for the other optimizers (they have no posterior).
   */
  posteriorStd(): LayerValues[] {
    return readNow(this.posteriorStdReads());
  }

  *posteriorStdReads(): DeviceReads<LayerValues[]> {
    if (!this.bsam) return [];
    const s = this.bsam.s;
    const flat = yield tf.tidy(() => tf.concat(s.map((si) => tf.reshape(tf.rsqrt(tf.mul(this.scalars.of(this.data.train.length), si)), [-1]))));
    let offset = 0;
    return s.map((si, i) => {
      const values = Float32Array.from(flat.subarray(offset, offset + si.size));
      offset += si.size;
      return { layer: `layer ${Math.floor(i / 2) + 1} ${i % 2 === 0 ? 'W' : 'b'}`, values };
    });
  }

  /** The mean weights, flattened layer by layer (W row-major, then b), in one read. */
  *weightsReads(): DeviceReads<Float32Array> {
    const weights = this.weights;
    return Float32Array.from(yield tf.tidy(() => tf.concat(weights.map((t) => tf.reshape(t, [-1])))));
  }

  evaluate(): Evaluation {
    return readNow(this.evaluateReads());
  }

  *evaluateReads(): DeviceReads<Evaluation> {
    const on = this.data.test.length ? 'test' : 'train';
    const points: Point[] = on === 'test' ? this.data.test : this.data.train;
    const p = yield* this.predictReads(points, 0);
    const probs = p.averaged;
    const labels = points.map((q) => q.label);
    return { accuracy: accuracy(probs, labels), nll: nll(probs, labels), ece: ece(probs, labels), reliability: reliability(probs, labels), on };
  }

  /** Train the rest of the current epoch and evaluate. */
  epochReport(): EpochReport {
    const trainLoss = this.trainEpoch();
    const e = this.evaluate();
    return { epoch: this.epoch, step: this.step, train_loss: trainLoss, test_accuracy: e.accuracy, nll: e.nll, ece: e.ece };
  }

  dispose(): void {
    const state = this.bsam ? [...this.bsam.w, ...this.bsam.s, ...this.bsam.gm] : this.opt ? [...this.opt.w, ...this.opt.m, ...this.opt.v] : [];
    [this.x, this.labels, ...state, ...this.epochLosses.map((e) => e.loss)].forEach((t) => t.dispose());
    this.epochLosses = [];
    this.scalars.dispose();
  }
}

/** `n` rows of `C` values from `flat`, starting at `offset`. */
function toRows(flat: ArrayLike<number>, offset: number, n: number, C: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: C }, (_, c) => flat[offset + i * C + c]));
}

/**
 * A step's result whose `loss` is read from the device on first use and then cached. Before the device
 * tensor is freed (at the end of the epoch) the run either reads it or hands over the value (`set`).
 */
class LazyLoss {
  private value: number | null = null;
  epochLoss = null;
  constructor(private tensor: tf.Scalar | null) {}

  get read(): boolean {
    return this.value !== null;
  }

  get loss(): number {
    if (this.value === null) {
      if (!this.tensor) throw new Error('the step loss was freed before it was read');
      this.value = (this.tensor.dataSync() as Float32Array)[0];
    }
    return this.value;
  }

  set(value: number): void {
    this.value = value;
  }

  /** The device tensor while its value has not been read. */
  pending(): tf.Scalar | null {
    return this.value === null ? this.tensor : null;
  }

  /** The device tensor is about to be freed; only the cached value remains. */
  detach(): void {
    this.tensor = null;
  }
}
