/**
 * The training loop behind the worker, free of worker globals so it runs (and is tested) in Node: it takes
 * requests, owns the TrainingRuns, and emits responses through `post`. Playing runs steps in chunks of a few
 * tens of milliseconds and yields between them (through `schedule`), so pause and other messages are
 * handled promptly (every entry point returns a promise: requests and chunks run one at a time, in order);
 * progress goes out at most every PROGRESS_MS, decision grids and posterior-std histograms at most every
 * GRID_MS (slower when they are expensive).
 *
 * A run ends at its last epoch (config.epochs): it pauses there, says it is finished, and neither plays nor
 * steps on — training on would leave the schedule. "extend" trains it N more epochs at the schedule's final
 * rate (src/train/schedule.ts caps the factor there); reset restarts it.
 *
 * Metric rows are recorded by epoch, never by wall-clock time: every epoch, or every metricStride epochs on
 * a long run (schedule.ts), each with its own evaluation, so an export is the same on any machine and speed.
 *
 * Compare mode is a second run in this same worker, stepped in lockstep with the first, rather than a second
 * worker: both boundaries are then always drawn at the same step (bSAM is several times slower per step than
 * SAM, so two free-running workers would drift apart), stopAt and pause stop both at exactly the same step,
 * one progress stream stays within the message budget, and only one tfjs backend (one GPU context) is held.
 */
import type { TrainingConfig } from '../state/training.ts';
import { createLabRun, type Engine, type LabRun } from '../train/lab-run.ts';
import { recordsEpoch } from '../train/schedule.ts';
import { stdHistograms, type StdHistograms } from './std-histogram.ts';
import type { DataSnapshot, DecisionGrid, EvaluationSummary, MetricPoint, PauseReason, RunProgress, TrainRequest, TrainResponse } from './train-protocol.ts';

export const GRID_SIZE = 40;
const SAMPLE_BOUNDARIES = 20;
const CHUNK_MS = 30;
const PROGRESS_MS = 70;
const GRID_MS = 250;

export interface LoopHost {
  post(response: TrainResponse, transfer?: Transferable[]): void;
  /** Run `task` after pending messages and at least `delayMs` (setTimeout in the worker); it resolves when the task is done. */
  schedule(task: () => Promise<void>, delayMs?: number): void;
  now(): number;
}

/** The config of the compared run: the same everything (data, seeds, hyper-parameters), another optimizer. */
export function compareConfig(config: TrainingConfig): TrainingConfig | null {
  return config.compare ? { ...config, optimizer: { ...config.optimizer, kind: config.compare.kind }, compare: null } : null;
}

/** One run and what of it has not been sent yet. */
interface RunSlot {
  run: LabRun;
  pending: MetricPoint[];
  evaluation: EvaluationSummary | null;
  evaluationDirty: boolean;
}

export class TrainLoop {
  private slots: RunSlot[] = [];
  private config: TrainingConfig | null = null;
  private engine: Engine = 'tfjs';
  private running = false;
  /** Which play a scheduled chunk belongs to: a chunk of an earlier play (paused, then played again before
   * its timer fired) stops instead of running a second chain of chunks beside the new one. */
  private playing = 0;
  private diverged = false;
  private stopAt: number | null = null;
  /** The epoch the run ends at: config.epochs, moved on by each extend. */
  private endEpoch = 0;
  private stepsPerTick = 1000;
  /** The wait between chunks while playing (the classroom's slow pace); 0: as soon as pending messages are handled. */
  private intervalMs = 0;
  private fresh = true;
  private lastProgress = -Infinity;
  private lastGrid = -Infinity;
  /** How long the last grids took: they are refreshed at most every max(GRID_MS, 4× that). */
  private gridCost = 0;
  private rate: { steps: number; since: number } = { steps: 0, since: 0 };
  /** The history number of the current run (see train-protocol.ts). */
  private history = 0;
  /**
   * The tail of the queue everything runs in, one task at a time. The tfjs engine reads the device
   * asynchronously (WebGPU has no usable synchronous read in a worker), so a chunk or a grid can be waiting
   * for a read when a message arrives; a reset or a new init must not dispose the run under it.
   */
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly host: LoopHost) {}

  /** Playing (auto measures engines only while the run is paused). */
  get isRunning(): boolean {
    return this.running;
  }

  /** Still at step 0 of the run init or reset built: rebuilding it on another engine loses nothing. */
  get isFresh(): boolean {
    return this.slots.length > 0 && this.step === 0 && !this.running;
  }

  /** Build the run(s) for a config on an engine (the tfjs backend, if any, is already chosen by the caller). */
  init(config: TrainingConfig, engine: Engine = this.engine, history = 0): Promise<void> {
    return this.exclusive(() => this.initNow(config, engine, history));
  }

  handle(request: Exclude<TrainRequest, { type: 'init' }>): Promise<void> {
    return this.exclusive(() => this.handleNow(request));
  }

  /** Stops playing and frees the runs (after whatever task is running). */
  dispose(): Promise<void> {
    this.running = false;
    return this.exclusive(() => this.disposeRuns());
  }

  private exclusive(task: () => Promise<void> | void): Promise<void> {
    const done = this.tail.then(task);
    this.tail = done.catch(() => undefined);
    return done;
  }

  private async initNow(config: TrainingConfig, engine: Engine, history: number): Promise<void> {
    this.disposeRuns();
    this.history = history;
    this.config = config;
    this.engine = engine;
    this.stopAt = config.stopAt;
    this.endEpoch = config.epochs;
    this.running = false;
    const second = compareConfig(config);
    this.slots = [config, ...(second ? [second] : [])].map((c) => ({ run: createLabRun(c, engine), pending: [], evaluation: null, evaluationDirty: false }));
    // The reliability diagram has something to show before the first epoch.
    for (const slot of this.slots) await this.evaluate(slot);
    this.diverged = false;
    this.fresh = true;
    await this.sendProgress(true, null);
  }

  private async handleNow(request: Exclude<TrainRequest, { type: 'init' }>): Promise<void> {
    if (request.type === 'stopAt') {
      // Allowed before init too: it only sets what the next play will honour.
      this.stopAt = request.step;
      return;
    }
    if (!this.slots.length || !this.config) {
      this.host.post({ type: 'error', message: `'${request.type}' before the run was initialised` });
      return;
    }
    switch (request.type) {
      case 'play': {
        if (this.diverged || this.running) return;
        // A finished run stays finished (playing on would leave the schedule); the client is told so again.
        if (this.finished) {
          await this.sendProgress(false, null);
          return;
        }
        this.startPlaying();
        return;
      }
      case 'extend':
        if (this.diverged || this.running || !this.finished) return;
        this.endEpoch = this.epoch + request.epochs;
        this.startPlaying();
        return;
      case 'pause':
        this.running = false;
        await this.sendProgress(true, null);
        return;
      case 'step':
        if (this.diverged || this.running) return;
        if (this.finished) {
          await this.sendProgress(false, null);
          return;
        }
        await this.stepOnce();
        await this.checkLastLosses();
        if (!this.diverged) await this.sendProgress(true, this.finished ? this.endReason() : null);
        return;
      case 'reset':
        await this.initNow(this.config, this.engine, request.history);
        return;
      case 'speed':
        this.stepsPerTick = request.stepsPerTick;
        this.intervalMs = request.intervalMs ?? 0;
        return;
      case 'snapshot':
        // A copy of the first run's network for the slice worker; training goes on.
        this.host.post({ type: 'snapshot', id: request.id, snapshot: await this.slots[0].run.snapshot() });
        return;
    }
  }

  private startPlaying(): void {
        this.running = true;
        const now = this.host.now();
        this.rate = { steps: 0, since: now };
        // The paused view already shows the current grid: the first progress after play goes out without
        // one, so the first step is on screen at once even where a grid is slow (tfjs cpu: about a second).
        this.lastGrid = now;
        this.scheduleChunk(++this.playing);
  }

  private disposeRuns(): void {
    for (const slot of this.slots) slot.run.dispose();
    this.slots = [];
  }

  private get step(): number {
    return this.slots[0]?.run.step ?? 0;
  }

  private get epoch(): number {
    return this.slots[0]?.run.epoch ?? 0;
  }

  /** The run completed its last epoch (epochs only count when complete, so this is at an epoch's end). */
  private get finished(): boolean {
    return this.slots.length > 0 && this.epoch >= this.endEpoch;
  }

  private endReason(): PauseReason {
    return this.endEpoch > (this.config?.epochs ?? 0) ? 'extra-epochs-done' : 'end-of-run';
  }

  private scheduleChunk(play: number): void {
    this.host.schedule(() => this.exclusive(() => this.chunk(play)), this.intervalMs);
  }

  private async chunk(play: number): Promise<void> {
    if (!this.running || play !== this.playing || !this.slots.length) return;
    try {
      await this.runChunk();
    } catch (e) {
      // A backend failure mid-run (e.g. a GPU buffer that cannot be allocated) pauses the run and says why,
      // instead of escaping as an uncaught error that kills the worker.
      this.running = false;
      this.host.post({ type: 'error', message: `training stopped at step ${this.step}: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (this.running) this.scheduleChunk(play);
  }

  private async runChunk(): Promise<void> {
    const start = this.host.now();
    let steps = 0;
    let stopped: PauseReason | null = null;
    while (this.running && steps < this.stepsPerTick && this.host.now() - start < CHUNK_MS) {
      await this.stepOnce();
      steps++;
      if (this.diverged) break;
      // The end of the run first: a "pause at step" on the last step is also the end, and the end says more.
      if (this.finished) stopped = this.endReason();
      // Only on reaching the step: playing on from a later step is not stopped again.
      else if (this.stopAt !== null && this.step === this.stopAt) stopped = 'pause-at';
      if (stopped) this.running = false;
    }
    if (!this.diverged) await this.checkLastLosses();
    this.rate.steps += steps;
    if (this.diverged) return;
    if (stopped !== null) await this.sendProgress(true, stopped);
    else if (this.host.now() - this.lastProgress >= PROGRESS_MS) await this.sendProgress(false, null);
  }

  /**
   * One step of every run. The step's loss is not read here (that would be a GPU→CPU sync per step); a NaN
   * is caught from the epoch's mean loss, which the run reads anyway, and by checkLastLosses once per chunk.
   * A NaN loss means NaN weights, so every later loss is NaN too: nothing slips through between checks.
   */
  private async stepOnce(): Promise<void> {
    for (const slot of this.slots) {
      const { run } = slot;
      const { epochLoss } = await run.advance();
      if (epochLoss === null) continue;
      if (!Number.isFinite(epochLoss)) {
        this.diverge(slot, epochLoss);
        return;
      }
      // By epoch, never by the clock: the same rows on every machine (compared runs stay paired).
      if (!this.config || !recordsEpoch(this.config, run.epoch, this.endEpoch)) continue;
      const e = await this.evaluate(slot);
      slot.pending.push({ epoch: run.epoch, step: run.step, trainLoss: epochLoss, testAccuracy: e.accuracy, nll: e.nll, ece: e.ece });
    }
  }

  /** Reads each run's latest step loss (one transfer per run) and stops everything if one is not finite. */
  private async checkLastLosses(): Promise<void> {
    for (const slot of this.slots) {
      if (slot.run.step === 0) continue;
      const loss = await slot.run.lastLoss();
      if (!Number.isFinite(loss)) {
        this.diverge(slot, loss);
        return;
      }
    }
  }

  private diverge(slot: RunSlot, loss: number): void {
    const { run } = slot;
    this.running = false;
    this.diverged = true;
    const which = this.slots.length > 1 ? `the ${run.config.optimizer.kind} run's ` : 'the ';
    this.host.post({
      type: 'diverged',
      history: this.history,
      step: run.step,
      epoch: run.epoch,
      run: this.slots.indexOf(slot),
      message: `${which}loss became ${loss} by step ${run.step}: the learning rate is probably too large for this network (reset to try again with other settings)`,
    });
  }

  private async evaluate(slot: RunSlot): Promise<EvaluationSummary> {
    const e = await slot.run.evaluate();
    slot.evaluation = { step: slot.run.step, accuracy: e.accuracy, nll: e.nll, ece: e.ece, reliability: e.reliability, on: e.on };
    slot.evaluationDirty = true;
    return slot.evaluation;
  }

  /** The decision grid over the data's bounding box with a margin (the same box for both runs). */
  private async decisionGrid(run: LabRun): Promise<DecisionGrid> {
    const all = [...run.data.train, ...run.data.test];
    const xs = all.map((p) => p.x);
    const ys = all.map((p) => p.y);
    const pad = 0.25 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-6);
    const [xFrom, xTo, yFrom, yTo] = [Math.min(...xs) - pad, Math.max(...xs) + pad, Math.min(...ys) - pad, Math.max(...ys) + pad];
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i < GRID_SIZE; i++) {
      for (let j = 0; j < GRID_SIZE; j++) {
        points.push({ x: xFrom + ((xTo - xFrom) * j) / (GRID_SIZE - 1), y: yFrom + ((yTo - yFrom) * i) / (GRID_SIZE - 1) });
      }
    }
    const bsam = run.config.optimizer.kind === 'bsam';
    // A sample's boundary is its p(class 1) = ½ line: drawn for two classes only, so only then computed.
    const p = await run.predictDetailed(points, bsam && run.data.classes === 2 ? SAMPLE_BOUNDARIES : 0);
    return {
      size: GRID_SIZE,
      xFrom,
      xTo,
      yFrom,
      yTo,
      classes: run.data.classes,
      probs: Float32Array.from(p.averaged.flat()),
      meanProbs: bsam ? Float32Array.from(p.mean.flat()) : null,
      samples: p.samples.map((s) => Float32Array.from(s)),
    };
  }

  private async posteriorStd(run: LabRun): Promise<StdHistograms | null> {
    return run.config.optimizer.kind === 'bsam' ? stdHistograms(await run.posteriorStd()) : null;
  }

  private dataSnapshot(): DataSnapshot {
    const { data } = this.slots[0].run;
    return {
      train: data.train,
      test: data.test,
      classes: data.classes,
      trainOrigins: data.origins?.train ?? data.train.map((_, i) => i),
      testOrigins: data.origins?.test ?? data.test.map((_, i) => data.train.length + i),
    };
  }

  private async sendProgress(forceGrid: boolean, stopped: PauseReason | null): Promise<void> {
    const now = this.host.now();
    const withGrid = forceGrid || now - this.lastGrid >= Math.max(GRID_MS, 4 * this.gridCost);
    const transfer: Transferable[] = [];
    const runs: RunProgress[] = [];
    for (const slot of this.slots) {
      let grid: DecisionGrid | null = null;
      let posteriorStd: StdHistograms | null = null;
      if (withGrid) {
        grid = await this.decisionGrid(slot.run);
        posteriorStd = await this.posteriorStd(slot.run);
        // Fresh arrays every time, so they can be moved to the main thread instead of copied.
        transfer.push(grid.probs.buffer, ...(grid.meanProbs ? [grid.meanProbs.buffer] : []), ...grid.samples.map((s) => s.buffer));
      }
      const evaluation = slot.evaluationDirty || this.fresh ? slot.evaluation : null;
      const progress: RunProgress = { kind: slot.run.config.optimizer.kind, newMetrics: slot.pending, grid, evaluation, posteriorStd };
      slot.pending = [];
      slot.evaluationDirty = false;
      runs.push(progress);
    }
    if (withGrid) {
      this.gridCost = this.host.now() - now;
      this.lastGrid = this.host.now();
    }
    const elapsed = (now - this.rate.since) / 1000;
    this.host.post(
      {
        type: 'progress',
        history: this.history,
        running: this.running,
        step: this.step,
        epoch: this.slots[0].run.epoch,
        fresh: this.fresh,
        runs,
        data: this.fresh ? this.dataSnapshot() : null,
        stepsPerSecond: this.running && elapsed > 0 ? this.rate.steps / elapsed : null,
        stopped: stopped ? { step: this.step, reason: stopped } : null,
        finished: this.finished,
        endEpoch: this.endEpoch,
      },
      transfer,
    );
    this.fresh = false;
    this.lastProgress = now;
  }
}
