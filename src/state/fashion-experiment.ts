/**
 * The Fashion-MNIST experiment panel's part of the state (`ex.*` in a link): which optimizers to compare, on
 * which network, how much data, how long and over how many seeds. Every run's full TrainingConfig is derived
 * from it by one pure function (runConfigs), so the panel, its worker and the link cannot disagree.
 */
import { z } from 'zod';
import { DEFAULT_EXPERIMENT_DATA, experimentDataSchema } from './experiment-data.ts';
import type { OptimizerKind, TrainingConfig } from './training.ts';
import { FASHION_MNIST_TRAIN_SIZE, OPTIMIZER_KINDS } from './training.ts';
import { FASHION_LIVE, MODEL_PRESETS } from './training-presets.ts';

/** Seeds run 0 … seeds − 1 (the "seeds 0–2" is seeds = 3). */
export const MAX_EXPERIMENT_SEEDS = 5;
/** Bounded so an accidental value cannot keep a classroom machine busy for hours; the CLI runs longer settings. */
export const MAX_EXPERIMENT_EPOCHS = 50;

/**
 * Where the runs train: the hand-fused CPU engine ('fused', WebAssembly SIMD), a TensorFlow.js backend, or
 * 'auto' (measures the candidates on the first run's setting and keeps the fastest). The same names as the
 * training lab's backend choice (src/worker/train-protocol.ts); the worker's protocol is checked against it.
 */
export const EXPERIMENT_ENGINES = ['auto', 'fused', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type ExperimentEngine = (typeof EXPERIMENT_ENGINES)[number];

export const experimentPanelSchema = z.object({
  /** Which optimizers train, in OPTIMIZER_KINDS order (an object of flags so a link names each one). */
  optimizers: z.object(Object.fromEntries(OPTIMIZER_KINDS.map((k) => [k, z.boolean()])) as Record<OptimizerKind, z.ZodBoolean>),
  /** 'live': 784-100-10 ELU; 'mlp': the official 784-500-300-10 ELU (training-presets.ts). */
  model: z.enum(['live', 'mlp']),
  /** The first N training images in file order; the test set is always the standard 10,000. */
  size: z.number().int().min(100).max(FASHION_MNIST_TRAIN_SIZE),
  epochs: z.number().int().min(1).max(MAX_EXPERIMENT_EPOCHS),
  seeds: z.number().int().min(1).max(MAX_EXPERIMENT_SEEDS),
  batchSize: z.number().int().min(10).max(1000),
  /** bSAM's model average: M posterior samples at test time (the official test.py uses 32). */
  predictiveSamples: z.number().int().min(1).max(64),
  /** Fashion-MNIST or the user's own IDX files (experiment-data.ts); links made before it get Fashion-MNIST. */
  data: experimentDataSchema.default(DEFAULT_EXPERIMENT_DATA),
  /** The engine the runs train on (`ex.engine`); links made before it get the default. */
  engine: z.enum(EXPERIMENT_ENGINES),
});
export type ExperimentPanelState = z.infer<typeof experimentPanelSchema>;

export const DEFAULT_EXPERIMENT_PANEL: ExperimentPanelState = {
  optimizers: { sgd: true, adam: false, 'sam-sgd': true, 'sam-adam': false, bsam: true },
  model: 'live',
  size: 10_000,
  epochs: 3,
  seeds: 1,
  batchSize: 100,
  predictiveSamples: 16,
  data: DEFAULT_EXPERIMENT_DATA,
  // The fused engine, as before the choice existed: it starts at once (auto measures first).
  engine: 'fused',
};

/**
 * Per-optimizer hyper-parameters of the measured setting (theory.md §8): bSAM α 0.5, ρ 0.01, K 4;
 * SAM-SGD α 0.05, momentum 0.9, ρ 0.05, K 4; SGD α 0.05, momentum 0.9. Adam and SAM-Adam (not in the issue's
 * table) take Adam's usual α 10⁻³ and SAM's ρ 0.05. Every optimizer gets the same prior precision 25 (δ =
 * 25 / N, as the official --priorprec), so they differ only in the update rule.
 */
const OPTIMIZER_SETTINGS: Record<OptimizerKind, Partial<TrainingConfig['optimizer']>> = {
  sgd: { learningRate: 0.05, momentum: 0.9, rho: 0, msharpness: 1 },
  adam: { learningRate: 1e-3, momentum: 0, rho: 0, msharpness: 1 },
  'sam-sgd': { learningRate: 0.05, momentum: 0.9, rho: 0.05, msharpness: 4 },
  'sam-adam': { learningRate: 1e-3, momentum: 0, rho: 0.05, msharpness: 4 },
  bsam: { learningRate: 0.5, momentum: 0.9, rho: 0.01, msharpness: 4 },
};

export interface ExperimentRun {
  optimizer: OptimizerKind;
  seed: number;
  config: TrainingConfig;
}

/** The chosen optimizers, in OPTIMIZER_KINDS order. */
export function chosenOptimizers(ex: ExperimentPanelState): OptimizerKind[] {
  return OPTIMIZER_KINDS.filter((k) => ex.optimizers[k]);
}

/**
 * One run's config. A seed sets the data order, the initial weights and the noise alike, and none of them
 * depends on the optimizer: runs of one seed start from the same weights and see the same batches.
 */
export function runConfig(ex: ExperimentPanelState, optimizer: OptimizerKind, seed: number): TrainingConfig {
  return {
    ...FASHION_LIVE,
    dataset: { ...FASHION_LIVE.dataset, size: ex.size },
    model: MODEL_PRESETS[ex.model],
    optimizer: { ...FASHION_LIVE.optimizer, priorPrecision: 25, weightDecay: 25 / ex.size, ...OPTIMIZER_SETTINGS[optimizer], kind: optimizer },
    batchSize: Math.min(ex.batchSize, ex.size),
    epochs: ex.epochs,
    predictiveSamples: ex.predictiveSamples,
    seeds: { data: seed, init: seed, noise: seed },
    compare: null,
    stopAt: null,
  };
}

/** Every run of the experiment, seed-major (all optimizers of seed 0 first, so a cancelled experiment still compares). */
export function experimentRuns(ex: ExperimentPanelState): ExperimentRun[] {
  const runs: ExperimentRun[] = [];
  for (let seed = 0; seed < ex.seeds; seed++) for (const optimizer of chosenOptimizers(ex)) runs.push({ optimizer, seed, config: runConfig(ex, optimizer, seed) });
  return runs;
}
