/**
 * Fashion-MNIST presets: the paper's small-scale experiment as the official code runs it, and a quick one
 * that trains live in the browser.
 */
import type { TrainingConfig } from './training.ts';
import { OFFICIAL_BSAM_DEMO } from './training.ts';

export type ModelPreset = TrainingConfig['model'];

/** The official `--model mlp`: flatten → 500 → ELU → 300 → ELU → classes, biases starting at 0.05. */
export const OFFICIAL_MLP: ModelPreset = { hidden: [500, 300], activation: 'elu', biasInit: 0.05 };
/** One hidden layer of 100: fast enough to watch train (784-100-10). */
export const LIVE_MLP: ModelPreset = { hidden: [100], activation: 'elu', biasInit: 0.05 };

export const MODEL_PRESETS = { mlp: OFFICIAL_MLP, live: LIVE_MLP } as const;
export type ModelPresetId = keyof typeof MODEL_PRESETS;

/** The model preset a config's network is, if any. */
export function modelPresetOf(model: ModelPreset): ModelPresetId | null {
  for (const [id, m] of Object.entries(MODEL_PRESETS) as [ModelPresetId, ModelPreset][]) {
    if (m.activation === model.activation && m.biasInit === model.biasInit && m.hidden.length === model.hidden.length && m.hidden.every((h, i) => h === model.hidden[i])) return id;
  }
  return null;
}

/** `classes`, `noise`, `testFraction` and `labelNoise` are the generated kinds' and unused here: the files say 10 classes. */
const FASHION_DATASET: TrainingConfig['dataset'] = { ...OFFICIAL_BSAM_DEMO.dataset, kind: 'fashion-mnist', size: 60_000, noise: 0, testFraction: 0, labelNoise: 0 };

/**
 * The official train.py on Fashion-MNIST with its `mlp`, bSAM with the hyper-parameters of its usage line
 * (theory.md §8): α 0.5, β₁ 0.9, β₂ 0.999, ρ 0.01, priorprec 40, batch 200 split in 8, 180 epochs with 5
 * warm-up, damping 0.1; no augmentation (dafactor 1); 32 posterior samples in test.py.
 */
export const FASHION_OFFICIAL: TrainingConfig = {
  ...OFFICIAL_BSAM_DEMO,
  dataset: FASHION_DATASET,
  model: OFFICIAL_MLP,
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind: 'bsam', learningRate: 0.5, momentum: 0.9, rho: 0.01, weightDecay: 40 / 60_000, priorPrecision: 40, dafactor: 1, msharpness: 8 },
  schedule: 'warmup-cosine',
  warmup: 5,
  batchSize: 200,
  epochs: 180,
  predictiveSamples: 32,
};

/**
 * The issue's measured setting (theory.md §8's JAX timings): 10,000 training images, 784-100-10, batch 100,
 * 3 epochs, priorprec 25 (δ = 0.0025), bSAM α 0.5, ρ 0.01, K 4, 16 posterior samples.
 */
export const FASHION_LIVE: TrainingConfig = {
  ...FASHION_OFFICIAL,
  dataset: { ...FASHION_DATASET, size: 10_000 },
  model: LIVE_MLP,
  optimizer: { ...FASHION_OFFICIAL.optimizer, weightDecay: 0.0025, priorPrecision: 25, msharpness: 4 },
  schedule: 'cosine',
  warmup: 0,
  batchSize: 100,
  epochs: 3,
  predictiveSamples: 16,
};
