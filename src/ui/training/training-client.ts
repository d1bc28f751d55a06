/**
 * Main-thread side of the training worker, free of React so it can be tested with a fake worker. It
 * forwards the run controls, folds the worker's messages into one immutable TrainingView, and survives
 * a crashed worker: the worker is replaced and re-initialised with the same config and backend (the
 * experiment state is untouched; the run starts again from step 0). After MAX_RESTARTS crashes in a row
 * without a single good progress message it stops retrying until the next init or reset.
 */
import type { OptimizerKind, TrainingConfig } from '../../state/training.ts';
import type { StdHistograms } from '../../worker/std-histogram.ts';
import type {
  ActiveBackend,
  BackendChoice,
  DataSnapshot,
  DecisionGrid,
  EvaluationSummary,
  MetricPoint,
  PauseReason,
  RunProgress,
  TrainRequest,
  TrainResponse,
} from '../../worker/train-protocol.ts';
import type { NetworkSnapshot } from '../../train/slice/snapshot.ts';
import type { WorkerLike } from '../kit/worker-client.ts';

/** 'finished': the run reached its last epoch; it can be extended (extra epochs at the final rate) or reset. */
export type TrainStatus = 'idle' | 'running' | 'paused' | 'finished' | 'diverged' | 'error';

export interface BackendInfo {
  active: ActiveBackend;
  requested: BackendChoice;
  reason: string;
}

/** What is shown of one run (the main run, or the compared one). */
export interface RunView {
  kind: OptimizerKind;
  grid: DecisionGrid | null;
  /** The metric history (one row per epoch). */
  metrics: MetricPoint[];
  evaluation: EvaluationSummary | null;
  posteriorStd: StdHistograms | null;
}

export interface TrainingView {
  status: TrainStatus;
  step: number;
  epoch: number;
  stepsPerSecond: number | null;
  /** One entry per run, the main run first; empty until the first progress. */
  runs: RunView[];
  /** The dataset the runs train on, with the origin of each point; null until the first progress. */
  data: DataSnapshot | null;
  /** Where and why the run last paused by itself (pause-at, end of run, extra epochs done), until it plays again. */
  stopped: { step: number; reason: PauseReason } | null;
  /** The epoch the run ends at (the configured epochs plus any extension); 0 until the first progress. */
  endEpoch: number;
  backend: BackendInfo | null;
  diverged: { step: number; message: string; run: number } | null;
  /** The last request the worker could not handle, or why the run could not be built. */
  error: string | null;
  /** Set when the worker crashed and was restarted (or given up on). */
  crash: string | null;
}

export interface TrainingClientOptions {
  createWorker: () => WorkerLike<TrainRequest>;
  onChange: (view: TrainingView) => void;
}

export const MAX_RESTARTS = 3;

export const INITIAL_VIEW: TrainingView = {
  status: 'idle',
  step: 0,
  epoch: 0,
  stepsPerSecond: null,
  runs: [],
  data: null,
  stopped: null,
  endEpoch: 0,
  backend: null,
  diverged: null,
  error: null,
  crash: null,
};

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Folds one run's progress into its view: a fresh message replaces everything, others fill in what changed. */
export function mergeRun(previous: RunView | undefined, progress: RunProgress, fresh: boolean): RunView {
  if (fresh || !previous || previous.kind !== progress.kind) {
    return { kind: progress.kind, grid: progress.grid, metrics: progress.newMetrics, evaluation: progress.evaluation, posteriorStd: progress.posteriorStd };
  }
  return {
    kind: progress.kind,
    grid: progress.grid ?? previous.grid,
    metrics: progress.newMetrics.length > 0 ? previous.metrics.concat(progress.newMetrics) : previous.metrics,
    evaluation: progress.evaluation ?? previous.evaluation,
    posteriorStd: progress.posteriorStd ?? previous.posteriorStd,
  };
}

export class TrainingClient {
  private worker: WorkerLike<TrainRequest> | null = null;
  private view: TrainingView = INITIAL_VIEW;
  private last: { config: TrainingConfig; backend: BackendChoice } | null = null;
  private stepsPerTick: number | null = null;
  /** The stop step in force; it changes without a rebuild, so it is sent on its own and with every init. */
  private stopAt: number | null = null;
  /**
   * The number of the latest init or reset. Progress and divergence of an earlier run may still be in flight,
   * or come while the new run is being built (the worker handles one request at a time): a message of
   * another history is dropped, so the panel never shows an old run as the new one.
   */
  private history = 0;
  /** No progress of the current history has arrived yet. */
  private awaitingFresh = false;
  private crashesInARow = 0;
  /**
   * Set by play and pause until the worker confirms: a progress message posted before the worker saw
   * the request still carries the old running flag and must not flip the button back.
   */
  private expectRunning: boolean | null = null;
  private disposed = false;
  private readonly options: TrainingClientOptions;

  constructor(options: TrainingClientOptions) {
    this.options = options;
  }

  get current(): TrainingView {
    return this.view;
  }

  /** (Re)build the run; a new backend choice forgets the old backend's report. */
  init(config: TrainingConfig, backend: BackendChoice): void {
    if (this.disposed) return;
    const backendChanged = this.last?.backend !== backend;
    this.last = { config, backend };
    this.stopAt = config.stopAt;
    this.crashesInARow = 0;
    this.update({ status: 'idle', diverged: null, error: null, crash: null, stepsPerSecond: null, ...(backendChanged ? { backend: null } : {}) });
    this.sendInit();
  }

  play(): void {
    if (this.view.status !== 'paused') return;
    // Optimistic, so the button flips at once; the next progress message has the worker's word.
    this.expectRunning = true;
    this.update({ status: 'running', stopped: null });
    this.post({ type: 'play' });
  }

  /** Train a finished run `epochs` more epochs, at the schedule's final rate (it is never re-warmed). */
  extend(epochs: number): void {
    if (this.view.status !== 'finished') return;
    this.expectRunning = true;
    this.update({ status: 'running', stopped: null });
    this.post({ type: 'extend', epochs });
  }

  pause(): void {
    if (this.view.status !== 'running') return;
    this.expectRunning = false;
    this.update({ status: 'paused', stepsPerSecond: null });
    this.post({ type: 'pause' });
  }

  step(): void {
    if (this.view.status === 'paused') this.post({ type: 'step' });
  }

  /** Back to step 0 with the same seeds; also the way out of divergence and of a given-up worker. */
  reset(): void {
    if (this.disposed || !this.last) return;
    this.update({ status: 'idle', diverged: null, error: null, stepsPerSecond: null });
    if (this.worker) {
      this.awaitingFresh = true;
      this.expectRunning = null;
      this.post({ type: 'reset', history: ++this.history });
    } else {
      this.crashesInARow = 0;
      this.sendInit();
    }
  }

  /** Pause on reaching `step` while playing (null: never); takes effect without rebuilding the run. */
  setStopAt(step: number | null): void {
    if (step === this.stopAt) return;
    this.stopAt = step;
    this.post({ type: 'stopAt', step });
  }

  /** Steps per chunk while playing, and the wait between chunks (0 unless the classroom's slow pace asks for one). */
  setSpeed(stepsPerTick: number, intervalMs = 0): void {
    this.stepsPerTick = stepsPerTick;
    this.intervalMs = intervalMs;
    this.post(this.speedRequest(stepsPerTick));
  }

  private intervalMs = 0;

  private speedRequest(stepsPerTick: number): TrainRequest {
    return this.intervalMs > 0 ? { type: 'speed', stepsPerTick, intervalMs: this.intervalMs } : { type: 'speed', stepsPerTick };
  }

  /** A copy of the live network (for the slice panel); rejects with a message when there is none. */
  snapshot(): Promise<NetworkSnapshot> {
    if (!this.worker || this.view.status === 'idle' || this.view.status === 'error') return Promise.reject(new Error('there is no network yet: wait for the run to be built'));
    const id = ++this.snapshotId;
    return new Promise((resolve, reject) => {
      this.snapshotWaiters.set(id, { resolve, reject });
      this.post({ type: 'snapshot', id });
    });
  }

  private snapshotId = 0;
  private readonly snapshotWaiters = new Map<number, { resolve(s: NetworkSnapshot): void; reject(e: Error): void }>();

  private rejectSnapshots(reason: string): void {
    for (const waiter of this.snapshotWaiters.values()) waiter.reject(new Error(reason));
    this.snapshotWaiters.clear();
  }

  dispose(): void {
    this.disposed = true;
    this.rejectSnapshots('the training panel was closed');
    this.dropWorker();
  }

  private sendInit(): void {
    const last = this.last;
    if (!last) return;
    if (!this.worker && !this.startWorker()) return;
    this.awaitingFresh = true;
    this.expectRunning = null;
    if (this.stepsPerTick !== null) this.post(this.speedRequest(this.stepsPerTick));
    this.post({ type: 'init', config: { ...last.config, stopAt: this.stopAt }, backend: last.backend, history: ++this.history });
  }

  private startWorker(): boolean {
    try {
      const worker = this.options.createWorker();
      worker.onmessage = (e) => this.receive(e.data as TrainResponse);
      worker.onerror = (e) => {
        // Handled here: keep the browser from also reporting it as an uncaught error.
        e.preventDefault();
        this.crashed(e.message || 'the worker script failed');
      };
      worker.onmessageerror = () => this.update({ error: 'A message from the training worker could not be read.' });
      this.worker = worker;
      return true;
    } catch (e) {
      this.crashed(`it could not be started: ${messageOf(e)}`);
      return false;
    }
  }

  private dropWorker(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
  }

  private crashed(reason: string): void {
    if (this.disposed) return;
    this.rejectSnapshots(`the training worker crashed (${reason})`);
    this.dropWorker();
    this.crashesInARow++;
    if (this.crashesInARow > MAX_RESTARTS) {
      this.update({
        status: 'error',
        stepsPerSecond: null,
        crash: `The training worker crashed ${MAX_RESTARTS + 1} times in a row (last: ${reason}). Change a setting or press Reset to try again.`,
      });
      return;
    }
    this.update({
      status: 'idle',
      stepsPerSecond: null,
      diverged: null,
      crash: `The training worker crashed (${reason}); it was restarted with the same settings, from step 0.`,
    });
    this.sendInit();
  }

  private receive(message: TrainResponse): void {
    if (this.disposed) return;
    switch (message.type) {
      case 'backend':
        // A report for an earlier backend choice is stale.
        if (this.last && message.requested !== this.last.backend) return;
        this.update({ backend: { active: message.active, requested: message.requested, reason: message.reason } });
        return;
      case 'progress': {
        if (message.history !== this.history) return;
        const fresh = message.fresh;
        this.awaitingFresh = false;
        this.crashesInARow = 0;
        const diverged = fresh ? null : this.view.diverged;
        // A pause of the worker's own (stop step, end of run) and a finished run's answer to play come after the
        // worker saw the request: they settle the status.
        if (fresh || this.expectRunning === message.running || message.stopped !== null || message.finished) this.expectRunning = null;
        const running = this.expectRunning ?? message.running;
        this.update({
          status: diverged ? 'diverged' : running ? 'running' : message.finished ? 'finished' : 'paused',
          step: message.step,
          epoch: message.epoch,
          stepsPerSecond: message.stepsPerSecond,
          runs: message.runs.map((r, i) => mergeRun(this.view.runs[i], r, fresh)),
          data: message.data ?? (fresh ? null : this.view.data),
          stopped: message.stopped ?? (fresh || running ? null : this.view.stopped),
          endEpoch: message.endEpoch,
          diverged,
          ...(fresh ? { error: null } : {}),
        });
        return;
      }
      case 'diverged':
        if (message.history !== this.history) return;
        this.expectRunning = null;
        // The step and epoch of the divergence are the status line's too: one source for "where it stopped".
        this.update({
          status: 'diverged',
          step: message.step,
          epoch: message.epoch,
          stepsPerSecond: null,
          diverged: { step: message.step, message: message.message, run: message.run },
        });
        return;
      case 'snapshot': {
        const waiter = this.snapshotWaiters.get(message.id);
        this.snapshotWaiters.delete(message.id);
        waiter?.resolve(message.snapshot);
        return;
      }
      case 'error':
        // Before the first progress of a run, an error means the run could not be built at all.
        this.update(this.awaitingFresh ? { status: 'error', error: message.message } : { error: message.message });
        return;
    }
  }

  private post(request: TrainRequest): void {
    this.worker?.postMessage(request);
  }

  private update(patch: Partial<TrainingView>): void {
    this.view = { ...this.view, ...patch };
    this.options.onChange(this.view);
  }
}
