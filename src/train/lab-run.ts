/**
 * What the training worker drives: a run of a TrainingConfig on one of two engines with the same maths and
 * the same seeded data, weights and shuffles.
 *  - 'tfjs': TrainingRun on the active TensorFlow.js backend (webgpu, webgl or cpu).
 *  - 'fused': FusedTrainingRun, hand-fused on the CPU (SIMD WebAssembly matrix products, no per-op dispatch):
 *    for the lab's small networks it is an order of magnitude faster than tfjs (BENCHMARKS.md).
 * Both are checked against the official optimizer's recorded trajectories and against each other.
 *
 * Whatever reads values back may return a promise: the tfjs engine reads asynchronously (device-reads.ts:
 * WebGPU has no usable synchronous read in a worker). The fused engine answers synchronously, and a training
 * step that reads nothing answers synchronously on both, so the caller awaits only when it must.
 */
import type { TrainingConfig } from '../state/training.ts';
import type { Dataset } from './datasets.ts';
import { readSoon } from './device-reads.ts';
import { FusedTrainingRun } from './fused/fused-run.ts';
import type { Evaluation, LayerValues, Prediction, StepResult } from './run.ts';
import { TrainingRun } from './run.ts';
import { layerSizes } from './model.ts';
import type { NetworkSnapshot } from './slice/snapshot.ts';

export type Engine = 'tfjs' | 'fused';
export type MaybePromise<T> = T | Promise<T>;

export interface LabRun {
  readonly config: TrainingConfig;
  readonly data: Dataset;
  readonly step: number;
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  /** One step; `epochLoss` is set when it ends an epoch. */
  advance(): MaybePromise<Pick<StepResult, 'epochLoss'>>;
  /** The latest step's loss (NaN before the first step): reading it also waits for the step's device work. */
  lastLoss(): MaybePromise<number>;
  evaluate(): MaybePromise<Evaluation>;
  predictDetailed(points: { x: number; y: number }[], keep: number): MaybePromise<Prediction>;
  posteriorStd(): MaybePromise<LayerValues[]>;
  /** A plain copy of the network and its training data, for the slice worker. */
  snapshot(): MaybePromise<NetworkSnapshot>;
  dispose(): void;
}

/** TrainingRun with every read asynchronous. */
class TfjsLabRun implements LabRun {
  private readonly run: TrainingRun;

  constructor(readonly config: TrainingConfig) {
    this.run = new TrainingRun(config);
  }

  get data(): Dataset {
    return this.run.data;
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

function snapshotOf(run: { config: TrainingConfig; data: Dataset; step: number }, weights: Float32Array, std: LayerValues[]): NetworkSnapshot {
  const { model } = run.config;
  return {
    sizes: layerSizes({ hidden: model.hidden, activation: model.activation, classes: run.data.classes, biasInit: model.biasInit, seed: 0 }),
    activation: model.activation,
    classes: run.data.classes,
    weights,
    posteriorStd: std.length ? Float32Array.from(std.flatMap((l) => Array.from(l.values))) : null,
    inputs: Float32Array.from(run.data.train.flatMap((p) => [p.x, p.y])),
    labels: Int32Array.from(run.data.train.map((p) => p.label)),
    step: run.step,
  };
}

export function createLabRun(config: TrainingConfig, engine: Engine): LabRun {
  return engine === 'fused' ? new FusedLabRun(config) : new TfjsLabRun(config);
}
