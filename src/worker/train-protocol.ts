/**
 * Message protocol of the training worker (src/worker/train.worker.ts). The main thread owns the experiment
 * state and sends the training config; the worker owns the tfjs run and streams progress back, at most
 * ~15 times a second, never per step.
 *
 * Main → worker (TrainRequest):
 *  - init   {config, backend}: (re)build the run from scratch (dataset, seeded weights), paused at step 0.
 *                               Sent first, and again whenever the config or backend choice changes.
 *  - play / pause              : run continuously / stop after the current step.
 *  - step                      : one optimizer step (when paused).
 *  - reset                     : back to step 0 with the SAME initial weights and data (seeds unchanged).
 *  - speed {stepsPerTick}      : steps between progress messages while playing (1–1000).
 * Worker → main (TrainResponse):
 *  - backend  {active, requested, reason}: the backend in use and why (fallbacks and auto's measurement).
 *  - progress {…}: after init/reset/step and periodically while playing: the step, the epoch, the newest
 *               metrics, a decision grid of predictive probabilities and the dataset.
 *  - diverged {step, message}: the loss turned NaN or infinite; the run is paused and stays diverged until
 *               reset or init (recovery is one reset).
 *  - error    {message}: a request could not be handled (the worker keeps running).
 */
import { z } from 'zod';
import { trainingSchema, type TrainingConfig } from '../state/training.ts';
import type { Point } from '../train/datasets.ts';

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type ActiveBackend = Exclude<BackendChoice, 'auto'>;

export const trainRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), config: trainingSchema, backend: z.enum(BACKEND_CHOICES) }),
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('step') }),
  z.object({ type: z.literal('reset') }),
  z.object({ type: z.literal('speed'), stepsPerTick: z.number().int().min(1).max(1000) }),
]);
export type TrainRequest = z.infer<typeof trainRequestSchema>;

/** One row of the metric history (per epoch). */
export interface MetricPoint {
  epoch: number;
  step: number;
  trainLoss: number;
  testAccuracy: number;
  nll: number;
  ece: number;
}

/** The predictive on a size × size grid over [xFrom, xTo] × [yFrom, yTo], row-major (row i is y_i). */
export interface DecisionGrid {
  size: number;
  xFrom: number;
  xTo: number;
  yFrom: number;
  yTo: number;
  classes: number;
  /** Averaged predictive (bSAM: over posterior samples) per cell and class: size·size·classes values. */
  probs: Float32Array;
  /** bSAM only: the prediction of the mean weights (same layout); null for the other optimizers. */
  meanProbs: Float32Array | null;
  /** bSAM only: p(class 1) of up to 20 posterior samples, each size·size (for thin boundaries). */
  samples: Float32Array[];
}

export type TrainResponse =
  | { type: 'backend'; active: ActiveBackend; requested: BackendChoice; reason: string }
  | {
      type: 'progress';
      running: boolean;
      step: number;
      epoch: number;
      /** Metric rows added since the previous progress message (the main thread appends them). */
      newMetrics: MetricPoint[];
      /** True when this message starts a new history (after init or reset). */
      fresh: boolean;
      grid: DecisionGrid;
      train: Point[];
      test: Point[];
      /** Measured training speed while playing (steps per second), null when paused. */
      stepsPerSecond: number | null;
    }
  | { type: 'diverged'; step: number; message: string }
  | { type: 'error'; message: string };

/** Validate an incoming request; never throws. */
export function parseTrainRequest(data: unknown): { ok: true; request: TrainRequest } | { ok: false; message: string } {
  const parsed = trainRequestSchema.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `bad training request: ${issue.path.join('.') || '(message)'}: ${issue.message}` };
}

export type { TrainingConfig };
