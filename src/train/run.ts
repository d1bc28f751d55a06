/**
 * A training run: the dataset, the network and the optimizer of a TrainingConfig, stepped one minibatch at a
 * time, with per-epoch evaluation. Everything random is seeded (data, initial weights, and shuffles plus
 * bSAM's per-step noise), so the same config on the same backend reproduces the same numbers.
 */
import { seededNormal, seededUniform } from '../math/random.ts';
import type { TrainingConfig } from '../state/training.ts';
import { bsamStepStacked, initBsamState, type BsamHyper, type BsamState } from './bsam.ts';
import { makeDataset, type Dataset, type Point } from './datasets.ts';
import { accuracy, ece, nll, reliability, type ReliabilityBin } from './metrics.ts';
import type { Params } from './mlp.ts';
import { batchLoss, initParams, predictProba, stackedBatchLoss, type MlpSpec } from './model.ts';
import { initOptimizerState, optimizerStep, type OptimizerHyper, type OptimizerState } from './optimizers.ts';
import { tf } from './tf.ts';

export interface EpochReport {
  epoch: number;
  step: number;
  train_loss: number;
  test_accuracy: number;
  nll: number;
  ece: number;
}

export interface Evaluation {
  accuracy: number;
  nll: number;
  ece: number;
  reliability: ReliabilityBin[];
  /** Which points were evaluated: the test set, or the training set when there is no test set. */
  on: 'test' | 'train';
}

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

  constructor(readonly config: TrainingConfig) {
    const d = config.dataset;
    this.data = makeDataset({ ...d, seed: config.seeds.data });
    this.spec = { hidden: config.model.hidden, activation: config.model.activation, classes: this.data.classes, biasInit: config.model.biasInit, seed: config.seeds.init };
    this.x = tf.tensor2d(this.data.train.map((p) => [p.x, p.y]), [this.data.train.length, 2]);
    this.labels = tf.tensor1d(this.data.train.map((p) => p.label), 'int32');
    this.noise = seededNormal(config.seeds.noise);
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
    // The irregular last batch is skipped, as in the official demo.
    return Math.max(1, Math.floor(this.data.train.length / this.batchSize));
  }

  private get batchSize(): number {
    return Math.min(this.config.batchSize, this.data.train.length);
  }

  private lrFactor(): number {
    return this.config.schedule === 'cosine' ? 0.5 * (1 + Math.cos((Math.PI * this.epoch) / this.config.epochs)) : 1;
  }

  private order: number[] = [];
  private batchInEpoch = 0;
  private epochLoss = 0;

  /**
   * One optimizer step on the next batch of the current epoch (each epoch starts with a seeded shuffle and
   * skips the irregular last batch). When the step ends the epoch, `epochLoss` is its mean step loss.
   */
  advance(): { loss: number; epochLoss: number | null } {
    const b = this.batchSize;
    if (this.batchInEpoch === 0) {
      const n = this.data.train.length;
      this.order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(this.shuffle() * (i + 1));
        [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
      }
    }
    const loss = this.trainStep(this.order.slice(this.batchInEpoch * b, (this.batchInEpoch + 1) * b));
    this.epochLoss += loss;
    this.batchInEpoch++;
    if (this.batchInEpoch < this.stepsPerEpoch) return { loss, epochLoss: null };
    const mean = this.epochLoss / this.stepsPerEpoch;
    this.batchInEpoch = 0;
    this.epochLoss = 0;
    this.epoch++;
    return { loss, epochLoss: mean };
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
    const o = this.config.optimizer;
    const lr = this.lrFactor();
    const idx = tf.tensor1d(rows, 'int32');
    const xb = tf.gather(this.x, idx) as tf.Tensor2D;
    const yb = tf.gather(this.labels, idx) as tf.Tensor1D;
    let loss: number;
    if (this.bsam) {
      // K equal sub-batches (rows beyond K·size are dropped, as the official split does), computed stacked.
      const K = Math.min(o.msharpness, rows.length);
      const size = Math.floor(rows.length / K);
      const xs = tf.tidy(() => tf.reshape(tf.slice(xb, [0, 0], [K * size, 2]), [K, size, 2]) as tf.Tensor3D);
      const ys = tf.tidy(() => tf.reshape(tf.slice(yb, [0], [K * size]), [K, size]) as tf.Tensor2D);
      const noise = this.bsamNoise(K);
      const hyper: BsamHyper = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay: o.weightDecay, rho: o.rho, damping: o.damping, dataSize: this.data.train.length };
      const result = bsamStepStacked(this.bsam, (w) => stackedBatchLoss(this.spec, w, xs, ys), K, noise, hyper, lr);
      this.bsam = result.state;
      loss = result.lossAtPerturbed;
      [xs, ys, ...noise].forEach((t) => t.dispose());
    } else {
      const hyper: OptimizerHyper = { learningRate: o.learningRate, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: 1e-8, weightDecay: o.weightDecay };
      const base = o.kind.endsWith('adam') ? 'adam' : 'sgd';
      const rho = o.kind.startsWith('sam') ? o.rho : null;
      const result = optimizerStep(this.opt as OptimizerState, (w) => batchLoss(this.spec, w, xb, yb), base, hyper, lr, rho);
      this.opt = result.state;
      loss = result.loss;
    }
    [idx, xb, yb].forEach((t) => t.dispose());
    this.step++;
    return loss;
  }

  /** e_k for every parameter, drawn sub-batch by sub-batch from the noise stream, stacked as [K, …shape]. */
  private bsamNoise(K: number): Params {
    const w = (this.bsam as BsamState).w;
    const draws = Array.from({ length: K }, () => w.map((t) => Float32Array.from({ length: t.size }, () => this.noise())));
    return w.map((t, i) => {
      const stacked = new Float32Array(K * t.size);
      draws.forEach((d, k) => stacked.set(d[i], k * t.size));
      return tf.tensor(stacked, [K, ...t.shape]);
    });
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
  predictDetailed(points: { x: number; y: number }[], keep: number): { averaged: number[][]; mean: number[][]; samples: number[][] } {
    return tf.tidy(() => {
      const x = tf.tensor2d(points.map((p) => [p.x, p.y]), [points.length, 2]);
      const mean = predictProba(this.spec, this.weights, x);
      if (!this.bsam) return { averaged: mean.arraySync(), mean: mean.arraySync(), samples: [] };
      const draw = seededNormal(this.config.seeds.noise ^ 0x6a09e667);
      const std = this.bsam.s.map((s) => tf.sqrt(tf.div(1, tf.mul(this.data.train.length, s))));
      let sum: tf.Tensor = tf.zeros([points.length, this.data.classes]);
      const samples: number[][] = [];
      const count = this.config.predictiveSamples;
      for (let k = 0; k < Math.max(count, keep); k++) {
        const w = this.bsam.w.map((wi, i) => tf.add(wi, tf.mul(tf.tensor(Float32Array.from({ length: wi.size }, draw), wi.shape), std[i])));
        const p = predictProba(this.spec, w, x);
        if (k < count) sum = tf.add(sum, p);
        if (k < keep) samples.push(Array.from(tf.slice(p, [0, 1], [-1, 1]).dataSync()));
      }
      return { averaged: tf.div(sum, count).arraySync() as number[][], mean: mean.arraySync(), samples };
    });
  }

  evaluate(): Evaluation {
    const on = this.data.test.length ? 'test' : 'train';
    const points: Point[] = on === 'test' ? this.data.test : this.data.train;
    const probs = this.predict(points);
    const labels = points.map((p) => p.label);
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
    [this.x, this.labels, ...state].forEach((t) => t.dispose());
  }
}
