/**
 * A training run: the dataset, the network and the optimizer of a TrainingConfig, stepped one minibatch at a
 * time, with per-epoch evaluation. Everything random is seeded (data, initial weights, and shuffles plus
 * bSAM's per-step noise), so the same config on the same backend reproduces the same numbers.
 */
import { seededNormal, seededUniform } from '../math/random.ts';
import type { TrainingConfig } from '../state/training.ts';
import { bsamStep, initBsamState, type BsamHyper, type BsamState } from './bsam.ts';
import { makeDataset, type Dataset, type Point } from './datasets.ts';
import { accuracy, ece, nll, reliability, type ReliabilityBin } from './metrics.ts';
import type { Params } from './mlp.ts';
import { batchLoss, initParams, predictProba, type MlpSpec } from './model.ts';
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

  /** One epoch: a seeded shuffle, then every full batch; returns the mean loss of its steps. */
  trainEpoch(): number {
    const n = this.data.train.length;
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.shuffle() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let total = 0;
    const b = this.batchSize;
    for (let s = 0; s < this.stepsPerEpoch; s++) total += this.trainStep(order.slice(s * b, (s + 1) * b));
    this.epoch++;
    return total / this.stepsPerEpoch;
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
      const K = Math.min(o.msharpness, rows.length);
      const size = Math.floor(rows.length / K);
      const parts = Array.from({ length: K }, (_, k) => ({
        x: tf.slice(xb, [k * size, 0], [size, 2]) as tf.Tensor2D,
        y: tf.slice(yb, [k * size], [size]) as tf.Tensor1D,
      }));
      const noise = parts.map(() => this.bsam!.w.map((t) => tf.tensor(Float32Array.from({ length: t.size }, () => this.noise()), t.shape)));
      const hyper: BsamHyper = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay: o.weightDecay, rho: o.rho, damping: o.damping, dataSize: this.data.train.length };
      const result = bsamStep(this.bsam, parts.map((p) => (w: Params) => batchLoss(this.spec, w, p.x, p.y)), noise, hyper, lr);
      this.bsam = result.state;
      loss = result.lossAtPerturbed;
      [...parts.flatMap((p) => [p.x, p.y]), ...noise.flat()].forEach((t) => t.dispose());
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

  /**
   * Class probabilities at points: for bSAM the average over `predictiveSamples` posterior samples
   * w + e·sqrt(1/(N·s)) (a fixed seeded set, so repeated evaluations agree), else the mean weights'.
   * `mean: true` asks for the mean-weights prediction of bSAM too.
   */
  predict(points: { x: number; y: number }[], mean = false): number[][] {
    return tf.tidy(() => {
      const x = tf.tensor2d(points.map((p) => [p.x, p.y]), [points.length, 2]);
      if (!this.bsam || mean) return predictProba(this.spec, this.weights, x).arraySync();
      const draw = seededNormal(this.config.seeds.noise ^ 0x6a09e667);
      const std = this.bsam.s.map((s) => tf.sqrt(tf.div(1, tf.mul(this.data.train.length, s))));
      let sum: tf.Tensor = tf.zeros([points.length, this.data.classes]);
      const samples = this.config.predictiveSamples;
      for (let k = 0; k < samples; k++) {
        const w = this.bsam.w.map((wi, i) => tf.add(wi, tf.mul(tf.tensor(Float32Array.from({ length: wi.size }, draw), wi.shape), std[i])));
        sum = tf.add(sum, predictProba(this.spec, w, x));
      }
      return tf.div(sum, samples).arraySync() as number[][];
    });
  }

  evaluate(): Evaluation {
    const on = this.data.test.length ? 'test' : 'train';
    const points: Point[] = on === 'test' ? this.data.test : this.data.train;
    const probs = this.predict(points);
    const labels = points.map((p) => p.label);
    return { accuracy: accuracy(probs, labels), nll: nll(probs, labels), ece: ece(probs, labels), reliability: reliability(probs, labels), on };
  }

  /** Train one epoch and evaluate. */
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
