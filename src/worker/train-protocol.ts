/**
 * Message protocol of the training worker (src/worker/train.worker.ts). The main thread owns the experiment
 * state and sends the training config; the worker owns the tfjs run and streams progress back, at most
 * ~15 times a second, never per step.
 *
 * Main → worker (TrainRequest):
 *  - init   {config, backend, history}: (re)build the run from scratch (dataset, seeded weights), paused at step 0.
 *                               Sent first, and again whenever the config or backend choice changes. With
 *                               config.compare a second run (same data and initial weights, another
 *                               optimizer) is built and stepped in lockstep with the first.
 *  - play / pause              : run continuously / stop after the current step. A finished run (below) does
 *                               not play: it answers with a progress message that says it is finished.
 *  - step                      : one optimizer step (when paused and not finished).
 *  - extend {epochs}           : train a finished run `epochs` more epochs (at the schedule's final rate,
 *                               src/train/schedule.ts: never re-warmed) and play them.
 *  - reset  {history}          : back to step 0 with the SAME initial weights and data (seeds unchanged).
 *    `history` numbers the run that init or reset starts; progress and divergence echo it, so the main thread
 *    can tell the new run's messages from those of an earlier run still in flight (or still being built).
 *  - speed {stepsPerTick, intervalMs?}: steps between progress messages while playing (1–1000), and a wait
 *                               between chunks (0–1000 ms, default 0): the classroom's slow pace is 1 step every 66 ms.
 *  - stopAt {step}             : while playing, pause exactly on reaching this step (null: never). Also read
 *                               from config.stopAt on init; a change alone does not rebuild the run.
 *  - snapshot {id}             : a plain copy of the main run's network and training data (for the slice worker).
 * Worker → main (TrainResponse):
 *  - backend  {active, requested, reason}: the backend in use and why (fallbacks and auto's measurement).
 *  - progress {…}: after init/reset/step and periodically while playing: the step, the epoch, whether the run
 *               is finished (it reached its last epoch: config.epochs, plus any extension), why it last
 *               paused by itself, and per run
 *               the newest metrics, the latest evaluation (reliability bins), and — at the grid cadence,
 *               not every message — a decision grid and bSAM's posterior-std histograms. The dataset only
 *               comes with the message that starts a run (fresh). Large parts that did not change are null.
 *  - diverged {step, epoch, message, run}: a loss turned NaN or infinite at `step` (the status line shows that
 *               same step); the runs are paused and stay diverged
 *               until reset or init (recovery is one reset).
 *  - error    {message}: a request could not be handled (the worker keeps running).
 */
import { z } from 'zod';
import { trainingSchema, type OptimizerKind, type TrainingConfig } from '../state/training.ts';
import type { NetworkSnapshot } from '../train/slice/snapshot.ts';
import type { Point, PointOrigin } from '../train/datasets.ts';
import type { ReliabilityBin } from '../train/metrics.ts';
import type { StdHistograms } from './std-histogram.ts';

/** 'fused' is the hand-fused CPU engine (src/train/fused); the others are tfjs backends. */
export const BACKEND_CHOICES = ['auto', 'fused', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type ActiveBackend = Exclude<BackendChoice, 'auto'>;

export const trainRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), config: trainingSchema, backend: z.enum(BACKEND_CHOICES), history: z.number().int() }),
  z.object({ type: z.literal('play') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('step') }),
  z.object({ type: z.literal('extend'), epochs: trainingSchema.shape.epochs }),
  z.object({ type: z.literal('reset'), history: z.number().int() }),
  z.object({ type: z.literal('speed'), stepsPerTick: z.number().int().min(1).max(1000), intervalMs: z.number().int().min(0).max(1000).optional() }),
  z.object({ type: z.literal('stopAt'), step: trainingSchema.shape.stopAt.unwrap() }),
  z.object({ type: z.literal('snapshot'), id: z.number().int() }),
]);
export type TrainRequest = z.infer<typeof trainRequestSchema>;

/**
 * Why a playing run paused by itself: it reached the "pause at step" the user set, the last epoch of its
 * schedule (the run is finished), or the last of the extra epochs asked for after it finished.
 */
export type PauseReason = 'pause-at' | 'end-of-run' | 'extra-epochs-done';

/** One row of the metric history (one per recorded epoch: see metricStride in src/train/schedule.ts). */
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
  /** bSAM with two classes only: p(class 1) of up to 20 posterior samples, each size·size (for thin boundaries). */
  samples: Float32Array[];
}

/** The latest evaluation of a run (per epoch): what the reliability diagram draws. */
export interface EvaluationSummary {
  step: number;
  accuracy: number;
  nll: number;
  ece: number;
  /** 20 equal-width bins of the top-class confidence. */
  reliability: ReliabilityBin[];
  on: 'test' | 'train';
}

/** What one run (of one or two) reports in a progress message. A null part is unchanged since the last message. */
export interface RunProgress {
  kind: OptimizerKind;
  /** Metric rows added since the previous progress message (the main thread appends them). */
  newMetrics: MetricPoint[];
  /** A new decision grid (at most every ~250 ms while playing), or null. */
  grid: DecisionGrid | null;
  /** A new evaluation, or null. */
  evaluation: EvaluationSummary | null;
  /** bSAM: new histograms of the posterior std per layer (at the grid cadence), or null. */
  posteriorStd: StdHistograms | null;
}

/** The (edited) dataset both runs train on, and where each point came from (for click-to-remove). */
export interface DataSnapshot {
  train: Point[];
  test: Point[];
  classes: number;
  trainOrigins: PointOrigin[];
  testOrigins: PointOrigin[];
}

export type TrainResponse =
  | { type: 'backend'; active: ActiveBackend; requested: BackendChoice; reason: string }
  | {
      type: 'progress';
      /** The init or reset this run started with. */
      history: number;
      running: boolean;
      step: number;
      epoch: number;
      /** True when this message starts a new history (after init or reset); then every part is present. */
      fresh: boolean;
      /** One entry per run: the main run, then the compared run (if any). */
      runs: RunProgress[];
      /** The dataset: on fresh messages only, null otherwise. */
      data: DataSnapshot | null;
      /** Measured training speed while playing (steps per second), null when paused. */
      stepsPerSecond: number | null;
      /** Set when the run paused by itself (in this message): where and why. */
      stopped: { step: number; reason: PauseReason } | null;
      /** The run reached its last epoch (`endEpoch`): it does not play or step on, only extend or reset. */
      finished: boolean;
      /** The epoch the run ends at: config.epochs, plus the extra epochs asked for since. */
      endEpoch: number;
    }
  | { type: 'snapshot'; id: number; snapshot: NetworkSnapshot }
  | { type: 'diverged'; history: number; step: number; epoch: number; message: string; run: number }
  | { type: 'error'; message: string };

/** Validate an incoming request; never throws. */
export function parseTrainRequest(data: unknown): { ok: true; request: TrainRequest } | { ok: false; message: string } {
  const parsed = trainRequestSchema.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `bad training request: ${issue.path.join('.') || '(message)'}: ${issue.message}` };
}

export type { TrainingConfig };
