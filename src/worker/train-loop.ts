/**
 * The training loop behind the worker, free of worker globals so it runs (and is tested) in Node: it takes
 * requests, owns one TrainingRun, and emits responses through `post`. Playing runs steps in chunks of a few
 * tens of milliseconds and yields between them (through `schedule`), so pause and other messages are
 * handled promptly; progress goes out at most every PROGRESS_MS, the decision grid at most every GRID_MS.
 */
import type { TrainingConfig } from '../state/training.ts';
import { TrainingRun } from '../train/run.ts';
import type { DecisionGrid, MetricPoint, TrainRequest, TrainResponse } from './train-protocol.ts';

export const GRID_SIZE = 40;
const SAMPLE_BOUNDARIES = 20;
const CHUNK_MS = 30;
const PROGRESS_MS = 70;
const GRID_MS = 250;

export interface LoopHost {
  post(response: TrainResponse, transfer?: Transferable[]): void;
  /** Run `task` soon, after pending messages (setTimeout 0 in the worker). */
  schedule(task: () => void): void;
  now(): number;
}

export class TrainLoop {
  private run: TrainingRun | null = null;
  private config: TrainingConfig | null = null;
  private running = false;
  private diverged = false;
  private stepsPerTick = 1000;
  private pending: MetricPoint[] = [];
  private fresh = true;
  private lastProgress = -Infinity;
  private lastGrid = -Infinity;
  private grid: DecisionGrid | null = null;
  /** How long the last decision grid took: the grid is refreshed at most every max(GRID_MS, 4× that). */
  private gridCost = 0;
  private rate: { steps: number; since: number } = { steps: 0, since: 0 };

  constructor(private readonly host: LoopHost) {}

  /** Build the run for a config (the backend is already chosen by the caller). */
  init(config: TrainingConfig): void {
    this.run?.dispose();
    this.config = config;
    this.run = new TrainingRun(config);
    this.running = false;
    this.diverged = false;
    this.pending = [];
    this.fresh = true;
    this.sendProgress(true);
  }

  handle(request: Exclude<TrainRequest, { type: 'init' }>): void {
    if (!this.run || !this.config) {
      this.host.post({ type: 'error', message: `'${request.type}' before the run was initialised` });
      return;
    }
    switch (request.type) {
      case 'play':
        if (this.diverged || this.running) return;
        this.running = true;
        this.rate = { steps: 0, since: this.host.now() };
        this.host.schedule(() => this.chunk());
        return;
      case 'pause':
        this.running = false;
        this.sendProgress(true);
        return;
      case 'step':
        if (this.diverged || this.running) return;
        this.stepOnce();
        if (!this.diverged) this.sendProgress(true);
        return;
      case 'reset':
        this.init(this.config);
        return;
      case 'speed':
        this.stepsPerTick = request.stepsPerTick;
        return;
    }
  }

  dispose(): void {
    this.running = false;
    this.run?.dispose();
    this.run = null;
  }

  private chunk(): void {
    if (!this.running || !this.run) return;
    try {
      this.runChunk();
    } catch (e) {
      // A backend failure mid-run (e.g. a GPU buffer that cannot be allocated) pauses the run and says why,
      // instead of escaping as an uncaught error that kills the worker.
      this.running = false;
      this.host.post({ type: 'error', message: `training stopped at step ${this.run?.step ?? 0}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private runChunk(): void {
    const start = this.host.now();
    let steps = 0;
    while (this.running && steps < this.stepsPerTick && this.host.now() - start < CHUNK_MS) {
      this.stepOnce();
      steps++;
    }
    this.rate.steps += steps;
    if (this.diverged) return;
    if (this.host.now() - this.lastProgress >= PROGRESS_MS) this.sendProgress(false);
    if (this.running) this.host.schedule(() => this.chunk());
  }


  private stepOnce(): void {
    const run = this.run as TrainingRun;
    const { loss, epochLoss } = run.advance();
    if (!Number.isFinite(loss)) {
      this.running = false;
      this.diverged = true;
      this.host.post({
        type: 'diverged',
        step: run.step,
        message: `the loss became ${loss} at step ${run.step}: the learning rate is probably too large for this network (reset to try again with other settings)`,
      });
      return;
    }
    if (epochLoss !== null) {
      const e = run.evaluate();
      this.pending.push({ epoch: run.epoch, step: run.step, trainLoss: epochLoss, testAccuracy: e.accuracy, nll: e.nll, ece: e.ece });
    }
  }

  /** The decision grid over the data's bounding box with a margin. */
  private decisionGrid(): DecisionGrid {
    const run = this.run as TrainingRun;
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
    const bsam = this.config?.optimizer.kind === 'bsam';
    const p = run.predictDetailed(points, bsam ? SAMPLE_BOUNDARIES : 0);
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

  private sendProgress(forceGrid: boolean): void {
    const run = this.run as TrainingRun;
    const now = this.host.now();
    if (forceGrid || !this.grid || now - this.lastGrid >= Math.max(GRID_MS, 4 * this.gridCost)) {
      this.grid = this.decisionGrid();
      this.gridCost = this.host.now() - now;
      this.lastGrid = this.host.now();
    }
    const elapsed = (now - this.rate.since) / 1000;
    this.host.post({
      type: 'progress',
      running: this.running,
      step: run.step,
      epoch: run.epoch,
      newMetrics: this.pending,
      fresh: this.fresh,
      // Copies: the cached grid is reused by later messages, so it cannot be transferred.
      grid: { ...this.grid, probs: this.grid.probs.slice(), meanProbs: this.grid.meanProbs?.slice() ?? null, samples: this.grid.samples.map((s) => s.slice()) },
      train: run.data.train,
      test: run.data.test,
      stepsPerSecond: this.running && elapsed > 0 ? this.rate.steps / elapsed : null,
    });
    this.pending = [];
    this.fresh = false;
    this.lastProgress = now;
  }
}
