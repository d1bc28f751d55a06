/**
 * What the training worker drives: a run of a TrainingConfig on one of two engines with the same maths and
 * the same seeded data, weights and shuffles.
 *  - 'tfjs': TrainingRun on the active TensorFlow.js backend (webgpu, webgl, wasm or cpu).
 *  - 'fused': FusedTrainingRun, hand-fused on the CPU (SIMD WebAssembly matrix products, no per-op dispatch):
 *    for the lab's small networks it is an order of magnitude faster than tfjs (BENCHMARKS.md).
 * Both extend TrainingCore (src/train/core): one epoch loop, data, schedule and evaluation, two back ends.
 * Both are checked against the official optimizer's recorded trajectories and against each other.
 *
 * Whatever reads values back may return a promise: the tfjs engine reads asynchronously (device-reads.ts:
 * WebGPU has no usable synchronous read in a worker). The fused engine answers synchronously, and a training
 * step that reads nothing answers synchronously on both, so the caller awaits only when it must.
 */
import type { TrainingConfig } from '../state/training.ts';
import type { RunOptions } from './core/training-core.ts';
import type { ArrayDataset, Dataset } from './datasets.ts';
import { readSoon } from './device-reads.ts';
import { FusedTrainingRun } from './fused/fused-run.ts';
import type { Evaluation, FlatPrediction, LayerValues, Prediction, StepResult } from './run.ts';
import { TrainingRun } from './run.ts';
import { layerSizes } from './model.ts';
import type { NetworkSnapshot } from './slice/snapshot.ts';

export type Engine = 'tfjs' | 'fused';
export type MaybePromise<T> = T | Promise<T>;

export interface LabRun {
  readonly config: TrainingConfig;
  /** The 2-D points (empty for array data such as images). */
  readonly data: Dataset;
  /** The rows trained and evaluated on, any input width. */
  readonly table: ArrayDataset;
  readonly step: number;
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  /** One step; `epochLoss` is set when it ends an epoch. */
  advance(): MaybePromise<Pick<StepResult, 'epochLoss'>>;
  /** The latest step's loss (NaN before the first step): reading it also waits for the step's device work. */
  lastLoss(): MaybePromise<number>;
  evaluate(): MaybePromise<Evaluation>;
  predictDetailed(points: { x: number; y: number }[], keep: number): MaybePromise<Prediction>;
  /** Class probabilities of rows of inputs (row-major, `table.inputDim` values a row), e.g. a test set of images. */
  predictRows(x: Float32Array): MaybePromise<FlatPrediction>;
  posteriorStd(): MaybePromise<LayerValues[]>;
  /** A plain copy of the network and its training data, for the slice worker. */
  snapshot(): MaybePromise<NetworkSnapshot>;
  dispose(): void;
}

/** TrainingRun with its rows' prediction as device reads (the core keeps that generator protected). */
class ReadableTrainingRun extends TrainingRun {
  rowsReads(x: Float32Array) {
    return this.predictRowsReads(x, x.length / this.table.inputDim, 0);
  }
}

/** TrainingRun with every read asynchronous. */
class TfjsLabRun implements LabRun {
  private readonly run: ReadableTrainingRun;

  constructor(
    readonly config: TrainingConfig,
    options: RunOptions = {},
  ) {
    this.run = new ReadableTrainingRun(config, options);
  }

  get data(): Dataset {
    return this.run.data;
  }
  get table(): ArrayDataset {
    return this.run.table;
  }
  get step(): number {
    return this.run.step;
  }
  get epoch(): number {
    return this.run.epoch;
  }
  get stepsPerEpoch(): number {
    return this.run.stepsPerEpoch;
  }
  advance() {
    return readSoon(this.run.advanceReads());
  }
  lastLoss() {
    return readSoon(this.run.lastLossReads());
  }
  evaluate() {
    return readSoon(this.run.evaluateReads());
  }
  predictDetailed(points: { x: number; y: number }[], keep: number) {
    return readSoon(this.run.predictReads(points, keep));
  }
  predictRows(x: Float32Array) {
    return readSoon(this.run.rowsReads(x));
  }
  posteriorStd() {
    return readSoon(this.run.posteriorStdReads());
  }
  async snapshot(): Promise<NetworkSnapshot> {
    // Both reads before building the snapshot: the step may not move between them (the loop is serialised).
    const weights = await readSoon(this.run.weightsReads());
    const std = await readSoon(this.run.posteriorStdReads());
    return snapshotOf(this, weights, std);
  }
  dispose(): void {
    this.run.dispose();
  }
}

class FusedLabRun extends FusedTrainingRun implements LabRun {
  private latestLoss = Number.NaN;

  override advance(): StepResult {
    const result = super.advance();
    this.latestLoss = result.loss;
    return result;
  }
  lastLoss(): number {
    return this.latestLoss;
  }
  snapshot(): NetworkSnapshot {
    return snapshotOf(this, Float32Array.from(this.weights), this.posteriorStd());
  }
}

function snapshotOf(run: { config: TrainingConfig; table: ArrayDataset; step: number }, weights: Float32Array, std: LayerValues[]): NetworkSnapshot {
  const { model } = run.config;
  const { inputDim, classes, train } = run.table;
  return {
    sizes: layerSizes({ inputs: inputDim, hidden: model.hidden, activation: model.activation, classes, biasInit: model.biasInit, seed: 0 }),
    activation: model.activation,
    classes,
    weights,
    posteriorStd: std.length ? Float32Array.from(std.flatMap((l) => Array.from(l.values))) : null,
    inputs: Float32Array.from(train.x),
    labels: Int32Array.from(train.labels),
    step: run.step,
  };
}

/** A run of `config` on an engine; `options.data` trains on given rows (any input width) instead of the config's 2-D dataset. */
export function createLabRun(config: TrainingConfig, engine: Engine, options: RunOptions = {}): LabRun {
  return engine === 'fused' ? new FusedLabRun(config, options) : new TfjsLabRun(config, options);
}
