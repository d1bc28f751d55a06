/**
 * Message protocol of the Fashion-MNIST experiment worker (experiment.worker.ts). The worker downloads and
 * parses the dataset itself (60,000 images would be a long main-thread task) and trains the runs one after
 * another on the chosen engine (the fused one, or a TensorFlow.js backend).
 *
 * Main → worker (ExperimentRequest):
 *  - load   {baseUrl}: fetch (or read from Cache Storage) the shipped files, with progress; parse them.
 *  - start  {runs, dataset, engine?}: train these runs in order on 'fashion-mnist' or 'own' data, on the
 *    engine (fused when absent; a running experiment is cancelled first).
 *  - load-own {files}: the user's own IDX files (experiment-own-data-protocol.ts).
 *  - pause / resume / cancel.
 * Worker → main (ExperimentResponse):
 *  - load-progress {loaded, total, fraction}, loaded {trainImages, testImages, test}, load-error {message}.
 *  - engine {requested, active, reason}: after start, the engine the runs train on and why.
 *  - progress {run, runs, epoch, epochs, step, stepsPerEpoch, doneSteps, totalSteps, etaSeconds, paused}:
 *    at most every PROGRESS_MS while training, and on pause/resume.
 *  - epoch {run, record}: after each epoch, the paper's test metrics (mean weights; bSAM also model average).
 *  - std {run, epoch, histograms}: bSAM's per-layer posterior-std histograms after each epoch.
 *  - run-done {run, result, predictions}: the finished run with its reliability bins and test predictions.
 *  - finished / cancelled / error {message}.
 *  - own-loaded / own-error: the answer to load-own (experiment-own-data-protocol.ts).
 * The record types mirror src/ui/experiment/results/run-result.ts (a worker may not import the UI; the UI
 * assigns these to its types, so the compiler keeps the two equal).
 */
import { z } from 'zod';
import { EXPERIMENT_ENGINES, type ExperimentEngine } from '../state/fashion-experiment.ts';
import { OPTIMIZER_KINDS, trainingSchema, type OptimizerKind } from '../state/training.ts';
import type { CalibrationBin, PaperMetrics } from '../train/paper-metrics.ts';
import { loadOwnRequestSchema, startDatasetSchema, type OwnDataResponse } from './experiment-own-data-protocol.ts';
import type { StdHistograms } from './std-histogram.ts';

export interface ExperimentEpochRecord {
  epoch: number;
  trainLoss: number;
  mean: PaperMetrics;
  bayes: PaperMetrics | null;
  trainSeconds: number;
}

export interface ExperimentRunResult {
  optimizer: OptimizerKind;
  seed: number;
  epochs: ExperimentEpochRecord[];
  finished: boolean;
  reliability: { mean: CalibrationBin[]; bayes: CalibrationBin[] | null } | null;
}

export interface ExperimentPredictions {
  optimizer: OptimizerKind;
  seed: number;
  classes: number;
  mean: Float32Array;
  bayes: Float32Array | null;
}

const runSchema = z.object({ optimizer: z.enum(OPTIMIZER_KINDS), seed: z.number().int(), config: trainingSchema });
export const experimentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load'), baseUrl: z.string() }),
  /** `engine`: where the runs train (experiment-engine.ts); absent means the fused engine. */
  z.object({ type: z.literal('start'), runs: z.array(runSchema).min(1).max(100), dataset: startDatasetSchema, engine: z.enum(EXPERIMENT_ENGINES).optional() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('cancel') }),
  loadOwnRequestSchema,
]);
export type ExperimentRequest = z.infer<typeof experimentRequestSchema>;

/** The test images for the gallery: sent once after loading (transferred, 31 MB as float32). */
export interface ExperimentTestSet {
  x: Float32Array;
  labels: Int32Array;
  rows: number;
  cols: number;
  classNames: readonly string[];
}

export interface ExperimentProgress {
  type: 'progress';
  /** 0-based index of the run training now, of `runs`. */
  run: number;
  runs: number;
  /** Completed epochs of the current run, of `epochs`. */
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  /** Steps done and to do over all runs (the progress bar). */
  doneSteps: number;
  totalSteps: number;
  /** Seconds left at the rate so far (training and evaluation, pauses excluded); null before the first step. */
  etaSeconds: number | null;
  paused: boolean;
}

export type ExperimentResponse =
  | { type: 'load-progress'; loaded: number; total: number; fraction: number }
  | { type: 'loaded'; trainImages: number; testImages: number; test: ExperimentTestSet }
  | { type: 'load-error'; message: string }
  | ExperimentProgress
  /** After start, before the first step: the engine the runs train on and why (fallbacks, auto's measurements). */
  | { type: 'engine'; requested: ExperimentEngine; active: Exclude<ExperimentEngine, 'auto'>; reason: string }
  | { type: 'epoch'; run: number; record: ExperimentEpochRecord }
  /** bSAM only, after each epoch: histograms of the posterior std 1/√(N·s) per layer. */
  | { type: 'std'; run: number; epoch: number; histograms: StdHistograms }
  | { type: 'run-done'; run: number; result: ExperimentRunResult; predictions: ExperimentPredictions }
  | { type: 'finished' }
  | { type: 'cancelled' }
  | { type: 'error'; message: string }
  | OwnDataResponse;
