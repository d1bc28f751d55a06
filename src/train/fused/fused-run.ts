/**
 * A training run on the fused CPU engine: the public API and the numbers of TrainingRun (src/train/run.ts),
 * without tfjs. Same dataset, same seeded initial weights, same shuffles, same bSAM noise stream (drawn
 * sub-batch by sub-batch, w then b layer by layer, which is the flat layout's order) and the same posterior
 * samples for the predictive, so the two runs follow the same trajectory up to float32 rounding.
 *
 * After construction a training step allocates nothing but its small result object: every buffer is made
 * once (and only regrown if `trainStep` is handed more rows than any batch before).
 */
import { seededUniform } from '../../math/random.ts';
import type { TrainingConfig } from '../../state/training.ts';
import { makeDataset, type Dataset, type Point } from '../datasets.ts';
import { accuracy, ece, nll, reliability, type EpochReport, type Evaluation } from '../metrics.ts';
import { DenseMlp, type FusedActivation } from './dense-mlp.ts';
import { createBsamState, FusedBsamStep, type FusedBsamHyper, type FusedBsamState } from './fused-bsam.ts';
import { FusedOptimizer, type FusedOptimizerHyper } from './fused-optimizers.ts';
import { initFlatParams, layerSizes } from './init-params.ts';
import type { NoiseSource } from './normal-stream.ts';
import { PosteriorPredictor } from './predictive.ts';
import { zigguratNormal } from '../../math/ziggurat.ts';
import { lrFactor, stepsPerEpoch, effectiveBatchSize } from '../schedule.ts';


/** model.ts's MlpSpec, field for field. */
export interface FusedMlpSpec {
  hidden: number[];
  activation: Exclude<FusedActivation, 'linear'>;
  classes: number;
  biasInit: number;
  seed: number;
}

export interface LayerValuesFlat {
  /** "layer 1 W", "layer 1 b", "layer 2 W", … */
  layer: string;
  values: Float32Array;
}

export class FusedTrainingRun {
  readonly data: Dataset;
  readonly spec: FusedMlpSpec;
  readonly sizes: number[];
  epoch = 0;
  step = 0;
  private readonly x: Float32Array;
  private readonly labels: Int32Array;
  private readonly noise: NoiseSource;
  private readonly shuffle: () => number;
  private readonly order: Int32Array;
  private readonly bsam: FusedBsamState | null = null;
  private readonly opt: FusedOptimizer | null = null;
  private readonly bsamHyper: FusedBsamHyper;
  private readonly optimizerHyper: FusedOptimizerHyper;
  /** Made on the first prediction: its scratch (a few MB for wide nets) is not needed to train. */
  private predictorInstance: PosteriorPredictor | null = null;
  private batchInEpoch = 0;
  private epochLoss = 0;
  // Grown together by ensureCapacity when a batch has more rows than any before.
  private mlp: DenseMlp;
  private batchX: Float32Array;
  private batchLabels: Int32Array;
  private bsamStep: FusedBsamStep;
  private bsamNoise: Float32Array;

  /**
   * `options.noise` replaces the noise stream; it must yield the draws of zigguratNormal(config.seeds.noise)
   * in order, or the run no longer follows TrainingRun's trajectory.
   */
  constructor(
    readonly config: TrainingConfig,
    options: { noise?: NoiseSource } = {},
  ) {
    this.data = makeDataset({ ...config.dataset, seed: config.seeds.data });
    const { hidden, activation, biasInit } = config.model;
    this.spec = { hidden, activation, classes: this.data.classes, biasInit, seed: config.seeds.init };
    this.sizes = layerSizes(hidden, this.data.classes);
    const train = this.data.train;
    this.x = new Float32Array(2 * train.length);
    this.labels = new Int32Array(train.length);
    train.forEach((p, i) => {
      this.x[2 * i] = p.x;
      this.x[2 * i + 1] = p.y;
      this.labels[i] = p.label;
    });
    this.order = new Int32Array(train.length);
    this.noise = options.noise ?? zigguratNormal(config.seeds.noise);
    this.shuffle = seededUniform(config.seeds.noise ^ 0x2545f491);
    const o = config.optimizer;
    this.bsamHyper = { learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, weightDecay: o.weightDecay, rho: o.rho, damping: o.damping, dataSize: train.length };
    this.optimizerHyper = { learningRate: o.learningRate, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: 1e-8, weightDecay: o.weightDecay };
    const init = initFlatParams(this.sizes, config.seeds.init, biasInit);
    if (o.kind === 'bsam') this.bsam = createBsamState(init, o.sInit);
    else this.opt = new FusedOptimizer(init, o.kind.endsWith('adam') ? 'adam' : 'sgd', o.kind.startsWith('sam') ? o.rho : null);
    const rows = this.batchSize;
    this.mlp = new DenseMlp(this.sizes, activation, rows);
    this.batchX = new Float32Array(2 * rows);
    this.batchLabels = new Int32Array(rows);
    const K = Math.min(o.msharpness, rows);
    this.bsamStep = new FusedBsamStep(this.mlp.paramCount, K);
    this.bsamNoise = new Float32Array(o.kind === 'bsam' ? K * this.mlp.paramCount : 0);
  }

  private get predictor(): PosteriorPredictor {
    this.predictorInstance ??= new PosteriorPredictor(this.sizes, this.config.model.activation);
    return this.predictorInstance;
  }

  /** The mean weights, flat in dense-mlp.ts's layout (the live buffer: read, do not write). */
  get weights(): Float32Array {
    return (this.bsam?.w ?? this.opt?.w) as Float32Array;
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

  /** One optimizer step on the next batch of the current epoch; as TrainingRun.advance. */
  advance(): { loss: number; epochLoss: number | null } {
    const b = this.batchSize;
    if (this.batchInEpoch === 0) {
      const order = this.order;
      const n = order.length;
      for (let i = 0; i < n; i++) order[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(this.shuffle() * (i + 1));
        const swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
    }
    const loss = this.trainRows(this.order, this.batchInEpoch * b, b);
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
    return this.trainRows(rows, 0, rows.length);
  }

  private trainRows(rows: ArrayLike<number>, start: number, count: number): number {
    this.ensureCapacity(count);
    const { x, labels, batchX, batchLabels } = this;
    for (let i = 0; i < count; i++) {
      const row = rows[start + i];
      batchX[2 * i] = x[2 * row];
      batchX[2 * i + 1] = x[2 * row + 1];
      batchLabels[i] = labels[row];
    }
    const lr = this.lrFactor();
    let loss: number;
    if (this.bsam) {
      // K equal sub-batches (rows beyond K·size are dropped, as the official split does).
      const K = Math.min(this.config.optimizer.msharpness, count);
      this.mlp.bindBatch(batchX, batchLabels, Math.floor(count / K));
      this.noise.fill(this.bsamNoise, 0, K * this.mlp.paramCount);
      loss = this.bsamStep.run(this.bsam, this.mlp, K, this.bsamNoise, this.bsamHyper, lr);
    } else {
      this.mlp.bindBatch(batchX, batchLabels, count);
      loss = (this.opt as FusedOptimizer).step(this.mlp, this.optimizerHyper, lr);
    }
    this.step++;
    // TrainingRun reads its loss back from a float32 tensor.
    return Math.fround(loss);
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.mlp.capacityRows) return;
    const K = Math.min(this.config.optimizer.msharpness, rows);
    this.mlp = new DenseMlp(this.sizes, this.config.model.activation, rows);
    this.batchX = new Float32Array(2 * rows);
    this.batchLabels = new Int32Array(rows);
    if (K > this.bsamStep.maxGroups) {
      this.bsamStep = new FusedBsamStep(this.mlp.paramCount, K);
      if (this.bsam) this.bsamNoise = new Float32Array(K * this.mlp.paramCount);
    }
  }

  /** Every buffer a training step touches (tests check that steps keep them, by identity). */
  buffers(): (Float32Array | Float64Array | Int32Array)[] {
    const state = this.bsam ? [this.bsam.w, this.bsam.s, this.bsam.gm] : (this.opt as FusedOptimizer).buffers();
    return [this.x, this.labels, this.order, this.batchX, this.batchLabels, this.bsamNoise, ...state, ...this.bsamStep.buffers(), ...this.mlp.buffers()];
  }

  /**
   * bSAM's posterior standard deviation 1/sqrt(N·s) for every parameter, per tensor named as
   * TrainingRun.posteriorStd names them ("layer 1 W", "layer 1 b", …, counting from the input), W row-major
   * [in][out]; empty for the other optimizers (they have no posterior).
   */
  posteriorStd(): LayerValuesFlat[] {
    if (!this.bsam) return [];
    const N = this.data.train.length;
    const s = this.bsam.s;
    return this.mlp.slices.map((slice, i) => {
      const values = new Float32Array(slice.length);
      // As tf.rsqrt(N·s): the product rounded to float32 first.
      for (let j = 0; j < slice.length; j++) values[j] = 1 / Math.sqrt(Math.fround(N * s[slice.offset + j]));
      return { layer: `layer ${Math.floor(i / 2) + 1} ${i % 2 === 0 ? 'W' : 'b'}`, values };
    });
  }

  /**
   * Class probabilities at points: for bSAM the average over `predictiveSamples` posterior samples
   * w + e·sqrt(1/(N·s)) (a fixed seeded set, so repeated evaluations agree), else the mean weights'.
   * `mean: true` asks for the mean-weights prediction of bSAM too.
   */
  predict(points: { x: number; y: number }[], mean = false): number[][] {
    const detailed = this.predictDetailed(points, 0);
    return mean || !this.bsam ? detailed.mean : detailed.averaged;
  }

  /**
   * The averaged predictive, the mean-weights prediction, and p(class 1) under the first `keep` posterior
   * samples (bSAM; empty otherwise), with TrainingRun.predictDetailed's sample stream.
   */
  predictDetailed(points: { x: number; y: number }[], keep: number): { averaged: number[][]; mean: number[][]; samples: number[][] } {
    const meanProbs = this.predictor.meanProbabilities(this.weights, points);
    if (!this.bsam) return { averaged: meanProbs.map((p) => [...p]), mean: meanProbs, samples: [] };
    const posterior = { w: this.bsam.w, s: this.bsam.s, dataSize: this.data.train.length };
    const { averaged, samples } = this.predictor.posteriorProbabilities(posterior, points, this.config.predictiveSamples, keep, this.config.seeds.noise ^ 0x6a09e667);
    return { averaged, mean: meanProbs, samples };
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

  /** Nothing to release: the buffers are plain typed arrays. Kept for TrainingRun's API. */
  dispose(): void {}
}
