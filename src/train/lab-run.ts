/**
 * What the training worker drives: a run of a TrainingConfig on one of two engines with the same maths and
 * the same seeded data, weights and shuffles.
 *  - 'tfjs': TrainingRun on the active TensorFlow.js backend (webgpu, webgl or cpu).
 *  - 'fused': FusedTrainingRun, hand-fused on the CPU (SIMD WebAssembly matrix products, no per-op dispatch):
 *    for the lab's small networks it is an order of magnitude faster than tfjs (BENCHMARKS.md).
 * Both are checked against the official optimizer's recorded trajectories and against each other.
 */
import type { TrainingConfig } from '../state/training.ts';
import type { Dataset } from './datasets.ts';
import { FusedTrainingRun } from './fused/fused-run.ts';
import type { Evaluation } from './run.ts';
import { TrainingRun } from './run.ts';
import { layerSizes } from './model.ts';
import type { NetworkSnapshot } from './slice/snapshot.ts';

export type Engine = 'tfjs' | 'fused';

export interface LabRun {
  readonly config: TrainingConfig;
  readonly data: Dataset;
  readonly step: number;
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  advance(): { loss: number; epochLoss: number | null };
  evaluate(): Evaluation;
  predictDetailed(points: { x: number; y: number }[], keep: number): { averaged: number[][]; mean: number[][]; samples: number[][] };
  posteriorStd(): { layer: string; values: Float32Array }[];
  /** A plain copy of the network and its training data, for the slice worker. */
  snapshot(): NetworkSnapshot;
  dispose(): void;
}

class TfjsLabRun extends TrainingRun implements LabRun {
  snapshot(): NetworkSnapshot {
    const weights = Float32Array.from(this.weights.flatMap((t) => Array.from(t.dataSync())));
    const std = this.posteriorStd();
    return snapshotOf(this, weights, std.length ? Float32Array.from(std.flatMap((l) => Array.from(l.values))) : null);
  }
}

class FusedLabRun extends FusedTrainingRun implements LabRun {
  snapshot(): NetworkSnapshot {
    const std = this.posteriorStd();
    return snapshotOf(this, Float32Array.from(this.weights), std.length ? Float32Array.from(std.flatMap((l) => Array.from(l.values))) : null);
  }
}

function snapshotOf(run: { config: TrainingConfig; data: Dataset; step: number }, weights: Float32Array, posteriorStd: Float32Array | null): NetworkSnapshot {
  const { model } = run.config;
  return {
    sizes: layerSizes({ hidden: model.hidden, activation: model.activation, classes: run.data.classes, biasInit: model.biasInit, seed: 0 }),
    activation: model.activation,
    classes: run.data.classes,
    weights,
    posteriorStd,
    inputs: Float32Array.from(run.data.train.flatMap((p) => [p.x, p.y])),
    labels: Int32Array.from(run.data.train.map((p) => p.label)),
    step: run.step,
  };
}

export function createLabRun(config: TrainingConfig, engine: Engine): LabRun {
  return engine === 'fused' ? new FusedLabRun(config) : new TfjsLabRun(config);
}
