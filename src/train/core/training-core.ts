/**
 * The engine-independent half of a training run: the data, the epoch loop (a seeded shuffle each epoch, the
 * irregular last batch kept on image data and skipped on the 2-D toys), the schedule, the step counter, the lazily read step losses, predictions and
 * the per-epoch evaluation. The two engines (run.ts on tfjs, fused/fused-run.ts on the fused CPU engine)
 * extend it with what differs: the parameters, one optimizer step, the forward passes of a prediction.
 *
 * Reads from the device are generators (device-reads.ts) so one loop runs synchronously (Node, the fused
 * engine) or asynchronously (WebGPU in a worker). The fused engine's losses are plain numbers: its generators
 * never yield.
 */
import { seededUniform } from '../../math/random.ts';
import type { TrainingConfig } from '../../state/training.ts';
import { arrayDatasetProblem, makeDataset, tabulate, type ArrayDataset, type Dataset } from '../datasets.ts';
import { readNow, type DeviceReads } from '../device-reads.ts';
import { accuracy, ece, nll, reliability, type EpochReport, type Evaluation } from '../metrics.ts';
import { batchRows, effectiveBatchSize, lrFactor, stepsPerEpoch } from '../schedule.ts';
import type { tf } from '../tf.ts';
import { StepLoss } from './step-loss.ts';
import { planOptimizer, type OptimizerPlan } from './optimizer-plan.ts';

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

/** A prediction for `rows` inputs, flat: averaged and mean are [row][class], samples[k] is [row] (p(class 1)). */
export interface FlatPrediction {
  averaged: Float32Array;
  mean: Float32Array;
  samples: Float32Array[];
}

export interface LayerValues {
  /** "layer 1 W", "layer 1 b", …, counting from the input. */
  layer: string;
  values: Float32Array;
}

export interface RunOptions {
  /**
   * The data to train on instead of the config's generated 2-D dataset (e.g. Fashion-MNIST images): any input
   * width and class count. `data` (the points) is then empty; everything else reads `table`.
   */
  data?: ArrayDataset;
}

/** Where bSAM's predictive samples come from: a fixed seeded set, so repeated evaluations agree. */
export const predictiveSeed = (config: TrainingConfig): number => config.seeds.noise ^ 0x6a09e667;
const shuffleSeed = (config: TrainingConfig): number => config.seeds.noise ^ 0x2545f491;

export abstract class TrainingCore {
  /** The 2-D points (empty when the run was given array data). */
  readonly data: Dataset;
  /** The rows the engine trains and evaluates on. */
  readonly table: ArrayDataset;
  readonly plan: OptimizerPlan;
  epoch = 0;
  step = 0;
  private readonly shuffle: () => number;
  private readonly order: Int32Array;
  private batchInEpoch = 0;
  /** The current epoch's step losses, read together when it ends. */
  private epochLosses: StepLoss[] = [];
  private latest: StepLoss | null = null;

  constructor(
    readonly config: TrainingConfig,
    options: RunOptions = {},
  ) {
    if (options.data) {
      const problem = arrayDatasetProblem(options.data);
      if (problem) throw new Error(`cannot train on this dataset: ${problem}`);
      this.table = options.data;
      this.data = { train: [], test: [], classes: options.data.classes };
    } else {
      this.data = makeDataset({ ...config.dataset, seed: config.seeds.data });
      this.table = tabulate(this.data);
    }
    this.plan = planOptimizer(config.optimizer, this.trainSize);
    this.order = new Int32Array(this.trainSize);
    this.shuffle = seededUniform(shuffleSeed(config));
  }

  get trainSize(): number {
    return this.table.train.labels.length;
  }

  /** bSAM's N in the posterior N(w, 1/(N·s)): N · dafactor (the training-set size for the other optimizers). */
  get posteriorDataSize(): number {
    return this.plan.family === 'bsam' ? this.plan.hyper.dataSize : this.trainSize;
  }

  get stepsPerEpoch(): number {
    return stepsPerEpoch(this.config, this.trainSize);
  }

  protected get batchSize(): number {
    return effectiveBatchSize(this.config, this.trainSize);
  }

  /** The schedule's factor on the learning rate in the current epoch. */
  protected lrFactor(): number {
    return lrFactor(this.config, this.epoch);
  }

  /**
   * One optimizer step on rows[start … start + count) of the training split at learning-rate factor `lr`:
   * the loss where the gradient was taken, as a number or a scalar still on the device.
   */
  protected abstract stepRows(rows: ArrayLike<number>, start: number, count: number, lr: number): number | tf.Scalar;

  /** One tensor holding the given device losses in order (engines whose losses are numbers never get here). */
  protected stackLosses(losses: tf.Scalar[]): tf.Tensor {
    throw new Error(`this engine reports its losses as numbers, not ${losses.length} device scalars`);
  }

  /** Class probabilities of `rows` inputs (row-major in x), with the first `keep` posterior samples' p(class 1). */
  protected abstract predictRowsReads(x: Float32Array, rows: number, keep: number): DeviceReads<FlatPrediction>;

  /** bSAM's posterior standard deviation 1/sqrt(N·s) per parameter tensor; empty for the other optimizers. */
  abstract posteriorStdReads(): DeviceReads<LayerValues[]>;

  /** One step of the current epoch; see advanceReads. */
  advance(): StepResult {
    return readNow(this.advanceReads());
  }

  /**
   * One optimizer step on the next batch of the current epoch (each epoch starts with a seeded shuffle; the
   * irregular last batch is trained on image datasets and skipped on the 2-D toys: schedule.ts keepsLastBatch).
   * When the step ends the epoch, `epochLoss` is its mean step loss.
   *
   * A device loss stays on the device until `loss` is read (a getter): a caller that reads it once per
   * progress tick, not every step, saves a GPU→CPU sync per step. `epochLoss` needs all the epoch's step
   * losses; they are read together, in one transfer, when the epoch ends.
   */
  *advanceReads(): DeviceReads<StepResult> {
    const b = this.batchSize;
    if (this.batchInEpoch === 0) this.shuffleOrder();
    const rows = batchRows(this.config, this.trainSize, this.batchInEpoch);
    const result = new StepLoss(this.stepRows(this.order, this.batchInEpoch * b, rows, this.lrFactor()));
    this.step++;
    this.latest = result;
    this.epochLosses.push(result);
    this.batchInEpoch++;
    if (this.batchInEpoch < this.stepsPerEpoch) return result;
    const mean = yield* this.closeEpoch();
    this.batchInEpoch = 0;
    this.epoch++;
    return { get loss() { return result.loss; }, epochLoss: mean };
  }

  /** Fisher–Yates on 0 … n−1 with the run's shuffle stream: the same order on every engine. */
  private shuffleOrder(): void {
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

  /** The latest step's loss, read if it was not yet (NaN before the first step). */
  *lastLossReads(): DeviceReads<number> {
    const latest = this.latest;
    if (!latest) return Number.NaN;
    const pending = latest.pending();
    if (pending) latest.set((yield this.stackLosses([pending]))[0]);
    return latest.loss;
  }

  /** Reads the epoch's step losses (one transfer for those not read yet), frees them, returns their mean. */
  private *closeEpoch(): DeviceReads<number> {
    const unread = this.epochLosses.filter((e) => e.pending() !== null);
    if (unread.length) {
      const values = yield this.stackLosses(unread.map((e) => e.pending() as tf.Scalar));
      unread.forEach((e, i) => e.set(values[i]));
    }
    let sum = 0;
    for (const e of this.epochLosses) {
      sum += e.loss;
      e.release();
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
    const loss = new StepLoss(this.stepRows(rows, 0, rows.length, this.lrFactor()));
    this.step++;
    try {
      return loss.loss;
    } finally {
      loss.release();
    }
  }

  /**
   * Class probabilities at points: for bSAM the average over `predictiveSamples` posterior samples
   * w + e·sqrt(1/(N·s)) (a fixed seeded set, so repeated evaluations agree), else the mean weights'.
   * `mean: true` asks for the mean-weights prediction of bSAM too.
   */
  predict(points: { x: number; y: number }[], mean = false): number[][] {
    const detailed = this.predictDetailed(points, 0);
    return mean || this.plan.family !== 'bsam' ? detailed.mean : detailed.averaged;
  }

  /**
   * Everything the decision-boundary view needs in one pass: the averaged predictive, the mean-weights
   * prediction, and p(class 1) under the first `keep` posterior samples (bSAM; empty otherwise).
   */
  predictDetailed(points: { x: number; y: number }[], keep: number): Prediction {
    return readNow(this.predictReads(points, keep));
  }

  /** predictDetailed as device reads. */
  *predictReads(points: { x: number; y: number }[], keep: number): DeviceReads<Prediction> {
    if (this.table.inputDim !== 2) throw new Error(`points are 2-D, this run's inputs have ${this.table.inputDim} values`);
    const x = new Float32Array(2 * points.length);
    points.forEach((p, i) => {
      x[2 * i] = p.x;
      x[2 * i + 1] = p.y;
    });
    const flat = yield* this.predictRowsReads(x, points.length, keep);
    const C = this.table.classes;
    return { averaged: toRows(flat.averaged, C), mean: toRows(flat.mean, C), samples: flat.samples.map((s) => Array.from(s)) };
  }

  /** Class probabilities of rows of inputs (row-major, `table.inputDim` values a row): averaged and mean. */
  predictRows(x: Float32Array, keep = 0): FlatPrediction {
    return readNow(this.predictRowsReads(x, x.length / this.table.inputDim, keep));
  }

  posteriorStd(): LayerValues[] {
    return readNow(this.posteriorStdReads());
  }

  evaluate(): Evaluation {
    return readNow(this.evaluateReads());
  }

  /** Accuracy, NLL and ECE of the predictive on the test split (the training split when there is no test). */
  *evaluateReads(): DeviceReads<Evaluation> {
    const on = this.table.test.labels.length ? 'test' : 'train';
    const split = this.table[on];
    const p = yield* this.predictRowsReads(split.x, split.labels.length, 0);
    const probs = toRows(this.plan.family === 'bsam' ? p.averaged : p.mean, this.table.classes);
    const labels = Array.from(split.labels);
    return { accuracy: accuracy(probs, labels), nll: nll(probs, labels), ece: ece(probs, labels), reliability: reliability(probs, labels), on };
  }

  /** Train the rest of the current epoch and evaluate. */
  epochReport(): EpochReport {
    const trainLoss = this.trainEpoch();
    const e = this.evaluate();
    return { epoch: this.epoch, step: this.step, train_loss: trainLoss, test_accuracy: e.accuracy, nll: e.nll, ece: e.ece };
  }

  /** Frees the step losses still on the device; engines free their own state too. */
  dispose(): void {
    this.epochLosses.forEach((e) => e.release());
    this.epochLosses = [];
  }
}

/** Rows of `C` values from a flat [row][class] array. */
export function toRows(flat: ArrayLike<number>, C: number): number[][] {
  const n = flat.length / C;
  return Array.from({ length: n }, (_, i) => Array.from({ length: C }, (_, c) => flat[i * C + c]));
}

/** The layer names of posteriorStd: "layer 1 W", "layer 1 b", … for parameter tensors 0, 1, …. */
export function parameterName(index: number): string {
  return `layer ${Math.floor(index / 2) + 1} ${index % 2 === 0 ? 'W' : 'b'}`;
}
