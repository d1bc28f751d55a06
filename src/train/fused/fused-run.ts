/**
 * A training run on the fused CPU engine: TrainingCore (the epoch loop, data, schedule, evaluation shared with
 * the tfjs engine, src/train/run.ts) over flat parameter buffers and SIMD WebAssembly matrix products. Same
 * dataset, seeded initial weights, shuffles, bSAM noise stream (drawn sub-batch by sub-batch, w then b layer
 * by layer, which is the flat layout's order) and posterior samples as the tfjs run, so the two follow the
 * same trajectory up to float32 rounding.
 *
 * After construction a training step allocates nothing but its small result object: every buffer is made
 * once (and only regrown if `trainStep` is handed more rows than any batch before).
 */
import { zigguratNormal } from '../../math/ziggurat.ts';
import type { TrainingConfig } from '../../state/training.ts';
import { settled, type DeviceReads } from '../device-reads.ts';
import { parameterName, predictiveSeed, TrainingCore, type FlatPrediction, type LayerValues, type RunOptions } from '../core/training-core.ts';
import { subBatchCount } from '../core/optimizer-plan.ts';
import { DenseMlp, type FusedActivation } from './dense-mlp.ts';
import { createBsamState, FusedBsamStep, type FusedBsamState } from './fused-bsam.ts';
import { FusedOptimizer } from './fused-optimizers.ts';
import { initFlatParams, layerSizes } from './init-params.ts';
import type { NoiseSource } from './normal-stream.ts';
import { PosteriorPredictor } from './predictive.ts';

/** model.ts's MlpSpec, field for field. */
export interface FusedMlpSpec {
  hidden: number[];
  activation: Exclude<FusedActivation, 'linear'>;
  classes: number;
  biasInit: number;
  seed: number;
}

/** posteriorStd's entries (the core's LayerValues). */
export type LayerValuesFlat = LayerValues;

export class FusedTrainingRun extends TrainingCore {
  readonly spec: FusedMlpSpec;
  readonly sizes: number[];
  private readonly noise: NoiseSource;
  private readonly bsam: FusedBsamState | null = null;
  private readonly opt: FusedOptimizer | null = null;
  /** Made on the first prediction: its scratch (a few MB for wide nets) is not needed to train. */
  private predictorInstance: PosteriorPredictor | null = null;
  // Grown together by ensureCapacity when a batch has more rows than any before.
  private mlp: DenseMlp;
  private batchX: Float32Array;
  private batchLabels: Int32Array;
  private bsamStep: FusedBsamStep;
  private bsamNoise: Float32Array;

  /**
   * `options.noise` replaces the noise stream; it must yield the draws of zigguratNormal(config.seeds.noise)
   * in order, or the run no longer follows TrainingRun's trajectory. `options.data`: see RunOptions.
   */
  constructor(config: TrainingConfig, options: RunOptions & { noise?: NoiseSource } = {}) {
    super(config, options);
    const { hidden, activation, biasInit } = config.model;
    const { classes, inputDim } = this.table;
    this.spec = { hidden, activation, classes, biasInit, seed: config.seeds.init };
    this.sizes = layerSizes(hidden, classes, inputDim);
    this.noise = options.noise ?? zigguratNormal(config.seeds.noise);
    const init = initFlatParams(this.sizes, config.seeds.init, biasInit);
    const plan = this.plan;
    if (plan.family === 'bsam') this.bsam = createBsamState(init, plan.sInit);
    else this.opt = new FusedOptimizer(init, plan.base, plan.samRho);
    const rows = this.batchSize;
    this.mlp = new DenseMlp(this.sizes, activation, rows);
    this.batchX = new Float32Array(inputDim * rows);
    this.batchLabels = new Int32Array(rows);
    const K = Math.min(config.optimizer.msharpness, rows);
    this.bsamStep = new FusedBsamStep(this.mlp.paramCount, K);
    this.bsamNoise = new Float32Array(plan.family === 'bsam' ? K * this.mlp.paramCount : 0);
  }

  private get predictor(): PosteriorPredictor {
    this.predictorInstance ??= new PosteriorPredictor(this.sizes, this.config.model.activation);
    return this.predictorInstance;
  }

  /** The mean weights, flat in dense-mlp.ts's layout (the live buffer: read, do not write). */
  get weights(): Float32Array {
    return (this.bsam?.w ?? this.opt?.w) as Float32Array;
  }

  /** The mean weights, copied. */
  weightsReads(): DeviceReads<Float32Array> {
    return settled(Float32Array.from(this.weights));
  }

  protected stepRows(rows: ArrayLike<number>, start: number, count: number, lr: number): number {
    this.ensureCapacity(count);
    const { batchX, batchLabels } = this;
    const D = this.table.inputDim;
    const { x, labels } = this.table.train;
    // A plain loop, not set(subarray(…)): a view per row would allocate on every step.
    for (let i = 0; i < count; i++) {
      const row = rows[start + i];
      const from = D * row;
      const to = D * i;
      for (let j = 0; j < D; j++) batchX[to + j] = x[from + j];
      batchLabels[i] = labels[row];
    }
    // K equal sub-batches for bSAM and SAM (m-sharpness; rows beyond K·size are dropped, as the official split
    // does); K = 1 for plain SGD and Adam, and for SAM asked for K = 1: the whole batch.
    const K = subBatchCount(this.plan, count);
    this.mlp.bindBatch(batchX, batchLabels, Math.floor(count / K));
    let loss: number;
    if (this.bsam) {
      this.noise.fill(this.bsamNoise, 0, K * this.mlp.paramCount);
      loss = this.bsamStep.run(this.bsam, this.mlp, K, this.bsamNoise, this.bsamHyper(), lr);
    } else {
      loss = (this.opt as FusedOptimizer).step(this.mlp, this.optimizerHyper(), lr, K);
    }
    // The tfjs engine reads its loss back from a float32 tensor.
    return Math.fround(loss);
  }

  private bsamHyper() {
    if (this.plan.family !== 'bsam') throw new Error('not a bSAM run');
    return this.plan.hyper;
  }

  private optimizerHyper() {
    if (this.plan.family !== 'first-order') throw new Error('a bSAM run has no first-order hyper-parameters');
    return this.plan.hyper;
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.mlp.capacityRows) return;
    const K = Math.min(this.config.optimizer.msharpness, rows);
    this.mlp = new DenseMlp(this.sizes, this.config.model.activation, rows);
    this.batchX = new Float32Array(this.table.inputDim * rows);
    this.batchLabels = new Int32Array(rows);
    if (K > this.bsamStep.maxGroups) {
      this.bsamStep = new FusedBsamStep(this.mlp.paramCount, K);
      if (this.bsam) this.bsamNoise = new Float32Array(K * this.mlp.paramCount);
    }
  }

  /** Every buffer a training step touches (tests check that steps keep them, by identity). */
  buffers(): (Float32Array | Float64Array | Int32Array)[] {
    const state = this.bsam ? [this.bsam.w, this.bsam.s, this.bsam.gm] : (this.opt as FusedOptimizer).buffers();
    return [this.table.train.x, this.table.train.labels, this.batchX, this.batchLabels, this.bsamNoise, ...state, ...this.bsamStep.buffers(), ...this.mlp.buffers()];
  }

  /**
   * bSAM's posterior standard deviation 1/sqrt(N·s) for every parameter, per tensor named as
   * TrainingRun.posteriorStd names them ("layer 1 W", "layer 1 b", …, counting from the input), W row-major
   * [in][out]; empty for the other optimizers (they have no posterior).
   */
  posteriorStdReads(): DeviceReads<LayerValues[]> {
    if (!this.bsam) return settled([]);
    const N = this.posteriorDataSize;
    const s = this.bsam.s;
    return settled(this.mlp.slices.map((slice, i) => {
      const values = new Float32Array(slice.length);
      // As tf.rsqrt(N·s): the product rounded to float32 first.
      for (let j = 0; j < slice.length; j++) values[j] = 1 / Math.sqrt(Math.fround(N * s[slice.offset + j]));
      return { layer: parameterName(i), values };
    }));
  }

  /** The mean weights' probabilities, and for bSAM the averaged predictive with the tfjs run's sample stream. */
  protected predictRowsReads(x: Float32Array, rows: number, keep: number): DeviceReads<FlatPrediction> {
    const mean = this.predictor.meanProbabilities(this.weights, x, rows);
    if (!this.bsam) return settled({ averaged: mean, mean, samples: [] });
    const posterior = { w: this.bsam.w, s: this.bsam.s, dataSize: this.posteriorDataSize };
    const { averaged, samples } = this.predictor.posteriorProbabilities(posterior, x, rows, this.config.predictiveSamples, keep, predictiveSeed(this.config));
    return settled({ averaged, mean, samples });
  }
}
