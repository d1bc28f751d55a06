/**
 * The training part of the experiment state: data, network, optimizer, schedule and the three seeds
 * (data, initial weights, per-step noise) that make a run reproducible. Shared by the app's training lab
 * and `cli train --config`.
 */
import { z } from 'zod';

const finite = z.number().finite();

export const OPTIMIZER_KINDS = ['sgd', 'adam', 'sam-sgd', 'sam-adam', 'bsam'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

/** The most points an import may hold, and the most a user may add by clicking (permalinks carry them). */
export const MAX_CUSTOM_POINTS = 5000;
export const MAX_ADDED_POINTS = 500;
/** Labels of imported and added points: the network has at most 6 classes. */
export const MAX_LABEL = 5;
/** Coordinates are bounded so that a hand-edited permalink cannot stretch the plot to nothing. */
const coordinate = finite.min(-1e6).max(1e6);
export const pointSchema = z.object({ x: coordinate, y: coordinate, label: z.number().int().min(0).max(MAX_LABEL) });

export const trainingSchema = z.object({
  dataset: z
    .object({
      /** 'custom' is an imported CSV (`points`); the others are generated from the data seed. */
      kind: z.enum(['moons', 'circles', 'xor', 'spiral', 'blobs', 'custom']),
      size: z.number().int().min(4).max(5000),
      noise: finite.min(0).max(2),
      testFraction: finite.min(0).max(0.9),
      labelNoise: finite.min(0).max(0.5),
      classes: z.number().int().min(2).max(6),
      /** The imported points of a 'custom' dataset (empty otherwise). */
      points: z.array(pointSchema).max(MAX_CUSTOM_POINTS).default([]),
      /** Training points added by clicking on the boundary plot. */
      added: z.array(pointSchema).max(MAX_ADDED_POINTS).default([]),
      /** Indices of generated points removed by clicking: into [...train, ...test] of the unedited dataset. */
      removed: z.array(z.number().int().min(0).max(MAX_CUSTOM_POINTS - 1)).max(MAX_CUSTOM_POINTS).default([]),
    })
    .refine((d) => d.kind !== 'custom' || d.points.length >= 2, { message: 'a custom dataset needs at least 2 points', path: ['points'] }),
  model: z.object({
    hidden: z.array(z.number().int().min(1).max(128)).max(6),
    activation: z.enum(['tanh', 'relu', 'elu']),
    biasInit: finite.min(-1).max(1),
  }),
  optimizer: z.object({
    kind: z.enum(OPTIMIZER_KINDS),
    learningRate: finite.positive().max(1e4),
    momentum: finite.min(0).max(0.999),
    beta1: finite.min(0).max(0.9999),
    beta2: finite.min(0).max(0.99999),
    /** SAM and bSAM radius ρ. */
    rho: finite.min(0).max(10),
    /** δ, weight decay (bSAM: the official code passes prior precision / N). */
    weightDecay: finite.min(0).max(10),
    /** bSAM: damping γ, initial precision s_init, m-sharpness K (sub-batches per step). */
    damping: finite.min(0).max(100),
    sInit: finite.positive().max(1e6),
    msharpness: z.number().int().min(1).max(64),
  }),
  /**
   * The learning-rate factor per epoch (src/train/schedule.ts): 'cosine' is the 2-D demo's ½(1 + cos(π·e/epochs));
   * 'warmup-cosine' is the official train.py schedule (theory.md §8): a linear warm-up over `warmup` epochs,
   * then a cosine.
   */
  schedule: z.enum(['constant', 'cosine', 'warmup-cosine']),
  /** Warm-up epochs of the 'warmup-cosine' schedule (the official `--warmup`; ignored by the others). */
  warmup: z.number().int().min(0).max(100_000).default(0),
  batchSize: z.number().int().min(1).max(5000),
  epochs: z.number().int().min(1).max(100_000),
  /** Posterior samples averaged for bSAM's predictive (the official evaluation uses 32). */
  predictiveSamples: z.number().int().min(1).max(256),
  seeds: z.object({ data: z.number().int(), init: z.number().int(), noise: z.number().int() }),
  /** A second run on the same data and initial weights with another optimizer, side by side; null: one run. */
  compare: z.object({ kind: z.enum(OPTIMIZER_KINDS) }).nullable().default(null),
  /** While playing, pause exactly when the run reaches this step (a permalink's "bSAM at step 500"); null: never. */
  stopAt: z.number().int().min(1).max(10_000_000).nullable().default(null),
});
export type TrainingConfig = z.infer<typeof trainingSchema>;

/** theory.md §5: the official 2-D demo, exactly. */
export const OFFICIAL_BSAM_DEMO: TrainingConfig = {
  dataset: { kind: 'moons', size: 100, noise: 0.1, testFraction: 0, labelNoise: 0, classes: 2, points: [], added: [], removed: [] },
  model: { hidden: [32, 32, 32, 32], activation: 'elu', biasInit: 0.05 },
  optimizer: {
    kind: 'bsam',
    learningRate: 0.5,
    momentum: 0,
    beta1: 0.9,
    beta2: 0.999,
    rho: 0.05,
    weightDecay: 1e-4,
    damping: 0.1,
    sInit: 1,
    msharpness: 5,
  },
  schedule: 'cosine',
  warmup: 0,
  batchSize: 30,
  epochs: 250,
  predictiveSamples: 32,
  seeds: { data: 0, init: 0, noise: 0 },
  compare: null,
  stopAt: null,
};
