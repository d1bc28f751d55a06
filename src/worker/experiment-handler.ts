/**
 * The Fashion-MNIST experiment behind its worker, free of worker globals so it runs (and is tested) in Node.
 * It loads the dataset through an injected loader (fetch + Cache Storage in the worker, the files on disk in a
 * test), then trains the runs one after another on the chosen engine (experiment-engine.ts: the fused one or a
 * tfjs backend) in chunks of CHUNK_MS, yielding between chunks (through `schedule`) so that pause and cancel
 * are handled promptly. Each run is seeded by its config alone: the same runs give the same records on any
 * machine (wall times aside), and the same up to float32 rounding on either engine.
 *
 * A tfjs step only enqueues device work; the chunk waits for it by reading the latest loss every `syncEvery`
 * steps (doubled while such a group takes under CHUNK_MS/4, halved when one overruns CHUNK_MS) and at its end,
 * so a chunk's time is real and a GPU queue never holds more than a chunk. Requests wait for the chunk in
 * flight (`inFlight`), so a run is never disposed under a pending read.
 */
import type { ExperimentEngine } from '../state/fashion-experiment.ts';
import type { TrainingConfig } from '../state/training.ts';
import type { ArrayDataset, IdxFiles, LoadProgress } from '../train/data/index.ts';
import { fashionMnistDataset } from '../train/data/index.ts';
import type { LabRun } from '../train/lab-run.ts';
import { stepsPerEpoch as epochSteps } from '../train/schedule.ts';
import { evaluateOnTest } from './experiment-evaluate.ts';
import { OwnDataStore } from './experiment-own-data.ts';
import { chooseExperimentEngine, experimentRun, type EngineChoice } from './experiment-engine.ts';
import { stdHistograms } from './std-histogram.ts';
import type { ExperimentEpochRecord, ExperimentRequest, ExperimentResponse, ExperimentRunResult } from './experiment-protocol.ts';

const CHUNK_MS = 40;
const PROGRESS_MS = 100;

export interface ExperimentHost {
  post(response: ExperimentResponse, transfer?: Transferable[]): void;
  /** Run `task` soon, after pending messages (setTimeout 0 in the worker). */
  schedule(task: () => Promise<void>): void;
  now(): number;
}

export type FilesLoader = (baseUrl: string, onProgress: (p: LoadProgress) => void) => Promise<IdxFiles>;

type RunSpec = Extract<ExperimentRequest, { type: 'start' }>['runs'][number];

/** One experiment: the runs, the one training now, and the clock for the ETA. */
interface Job {
  runs: RunSpec[];
  table: ArrayDataset;
  index: number;
  engine: EngineChoice;
  run: LabRun | null;
  result: ExperimentRunResult | null;
  paused: boolean;
  /** Steps trained over all runs, and the active (unpaused) milliseconds they took, evaluations included. */
  doneSteps: number;
  activeMs: number;
  epochMs: number;
  lastProgress: number;
  /** tfjs engines: steps enqueued between reads of the loss (which wait for the device), and when the group began. */
  syncEvery: number;
  groupStart: number;
}

/** Most tfjs steps enqueued before the device is waited for. */
const MAX_SYNC_EVERY = 64;
const settle = async <T>(value: T | Promise<T>): Promise<T> => value;

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ExperimentHandler {
  private files: IdxFiles | null = null;
  /** The user's own IDX files, beside Fashion-MNIST (experiment-own-data.ts). */
  private readonly ownData = new OwnDataStore();
  private job: Job | null = null;
  /** Which job a scheduled chunk belongs to: a chunk of a cancelled job, or one left over from before a pause, stops. */
  private generation = 0;
  /** The chunk being trained now: requests wait for it (a tfjs chunk awaits device reads). */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ExperimentHost,
    private readonly loadFiles: FilesLoader,
  ) {}

  async handle(request: ExperimentRequest): Promise<void> {
    await this.inFlight;
    switch (request.type) {
      case 'load':
        return this.load(request.baseUrl);
      case 'start':
        return this.start(request.runs, request.dataset ?? 'fashion-mnist', request.engine ?? 'fused');
      case 'load-own': {
        const { response, transfer } = await this.ownData.load(request);
        this.host.post(response, transfer);
        return;
      }
      case 'pause':
        if (this.job && !this.job.paused) {
          this.job.paused = true;
          this.generation++;
          this.postProgress(this.job);
        }
        return;
      case 'resume':
        if (this.job?.paused) {
          this.job.paused = false;
          this.postProgress(this.job);
          this.scheduleChunk();
        }
        return;
      case 'cancel':
        if (this.job) {
          this.stopJob();
          this.host.post({ type: 'cancelled' });
        }
        return;
    }
  }

  private async load(baseUrl: string): Promise<void> {
    if (!this.files) {
      try {
        this.files = await this.loadFiles(baseUrl, (p) => this.host.post({ type: 'load-progress', loaded: p.loaded, total: p.total, fraction: p.fraction }));
      } catch (e) {
        this.host.post({ type: 'load-error', message: describe(e) });
        return;
      }
    }
    try {
      // Parsing all 60,000 images checks the files once, here, rather than at the first run.
      const all = fashionMnistDataset(this.files, 60_000);
      // Copies for the page's gallery (the worker keeps its own to evaluate on).
      const test = { x: Float32Array.from(all.test.x), labels: Int32Array.from(all.test.labels), rows: all.image?.rows ?? 28, cols: all.image?.cols ?? 28, classNames: [...(all.classNames ?? [])] };
      this.host.post({ type: 'loaded', trainImages: all.train.labels.length, testImages: all.test.labels.length, test }, [test.x.buffer, test.labels.buffer]);
    } catch (e) {
      this.files = null;
      this.host.post({ type: 'load-error', message: describe(e) });
    }
  }

  private async start(runs: RunSpec[], dataset: 'fashion-mnist' | 'own', requested: ExperimentEngine): Promise<void> {
    if (this.job) this.stopJob();
    const sizes = new Set(runs.map((r) => r.config.dataset.size));
    if (sizes.size !== 1) {
      this.host.post({ type: 'error', message: 'every run of an experiment trains on the same training images' });
      return;
    }
    const table = this.tableFor(dataset, [...sizes][0]);
    if (typeof table === 'string') {
      this.host.post({ type: 'error', message: table });
      return;
    }
    let engine: EngineChoice;
    try {
      engine = await chooseExperimentEngine(requested, runs[0].config, table);
    } catch (e) {
      this.host.post({ type: 'error', message: describe(e) });
      return;
    }
    this.host.post({ type: 'engine', ...engine });
    this.job = { runs, table, index: 0, engine, run: null, result: null, paused: false, doneSteps: 0, activeMs: 0, epochMs: 0, lastProgress: -Infinity, syncEvery: 1, groupStart: this.host.now() };
    this.scheduleChunk();
  }

  /** The training table of the asked data, or why there is none (never the other data in its place). */
  private tableFor(dataset: 'fashion-mnist' | 'own', size: number): ArrayDataset | string {
    if (dataset === 'own') return this.ownData.table(size);
    if (!this.files) return 'the dataset is not loaded yet';
    return fashionMnistDataset(this.files, size);
  }

  private stopJob(): void {
    this.job?.run?.dispose();
    this.job = null;
    this.generation++;
  }

  private scheduleChunk(): void {
    const gen = this.generation;
    this.host.schedule(async () => {
      if (gen !== this.generation) return;
      this.inFlight = this.chunk();
      await this.inFlight;
    });
  }

  private totalSteps(job: Job): number {
    return job.runs.reduce((sum, r) => sum + r.config.epochs * stepsPerEpoch(r.config, job.table), 0);
  }

  private postProgress(job: Job): void {
    const spec = job.runs[Math.min(job.index, job.runs.length - 1)];
    const total = this.totalSteps(job);
    const run = job.run;
    this.host.post({
      type: 'progress',
      run: Math.min(job.index, job.runs.length - 1),
      runs: job.runs.length,
      epoch: run?.epoch ?? 0,
      epochs: spec.config.epochs,
      step: run?.step ?? 0,
      stepsPerEpoch: stepsPerEpoch(spec.config, job.table),
      doneSteps: job.doneSteps,
      totalSteps: total,
      etaSeconds: job.doneSteps > 0 ? ((job.activeMs / job.doneSteps) * (total - job.doneSteps)) / 1000 : null,
      paused: job.paused,
    });
  }

  /** Trains for about CHUNK_MS (an epoch's evaluation may make it longer; the worker is not the page). */
  private async chunk(): Promise<void> {
    const job = this.job;
    if (!job || job.paused) return;
    const start = this.host.now();
    try {
      while (this.host.now() - start < CHUNK_MS) {
        const more = this.stepOnce(job);
        if (!(more instanceof Promise ? await more : more)) return;
      }
      // tfjs: the chunk ends with its device work done, so its time is real and a pause leaves nothing queued.
      if (job.run && job.engine.active !== 'fused') {
        const t0 = this.host.now();
        await this.waitForDevice(job, job.run);
        job.epochMs += this.host.now() - t0;
      }
    } catch (e) {
      this.stopJob();
      this.host.post({ type: 'error', message: describe(e) });
      return;
    } finally {
      job.activeMs += this.host.now() - start;
    }
    if (this.host.now() - job.lastProgress >= PROGRESS_MS) {
      job.lastProgress = this.host.now();
      this.postProgress(job);
    }
    this.scheduleChunk();
  }

  /**
   * tfjs: waits for the enqueued steps by reading the latest loss (the caller counts the wait as training
   * time), and adapts how many steps are enqueued between waits so that a group takes CHUNK_MS/4 … CHUNK_MS.
   */
  private async waitForDevice(job: Job, run: LabRun): Promise<void> {
    await settle(run.lastLoss());
    const now = this.host.now();
    const took = now - job.groupStart;
    job.groupStart = now;
    if (took < CHUNK_MS / 4) job.syncEvery = Math.min(MAX_SYNC_EVERY, 2 * job.syncEvery);
    else if (took > CHUNK_MS) job.syncEvery = Math.max(1, Math.floor(job.syncEvery / 2));
  }

  /** One step (starting, evaluating and finishing runs as needed); false when the experiment is over. */
  private stepOnce(job: Job): boolean | Promise<boolean> {
    if (!job.run) {
      const spec = job.runs[job.index];
      job.run = experimentRun(spec.config, job.engine, job.table);
      job.result = { optimizer: spec.optimizer, seed: spec.seed, epochs: [], finished: false, reliability: null };
      job.epochMs = 0;
    }
    const run = job.run;
    const t0 = this.host.now();
    const step = run.advance();
    if (step instanceof Promise) return step.then(({ epochLoss }) => this.afterStep(job, run, t0, epochLoss));
    if (job.engine.active === 'fused' || run.step % job.syncEvery !== 0) return this.afterStep(job, run, t0, step.epochLoss);
    // A tfjs step that ends a group: wait for the device before the clock is read.
    return this.waitForDevice(job, run).then(() => this.afterStep(job, run, t0, step.epochLoss));
  }

  private afterStep(job: Job, run: LabRun, t0: number, epochLoss: number | null): boolean | Promise<boolean> {
    job.epochMs += this.host.now() - t0;
    job.doneSteps++;
    if (epochLoss === null) return true;
    return settle(this.closeEpoch(job, run, epochLoss)).then(() => this.afterEpoch(job, run));
  }

  private afterEpoch(job: Job, run: LabRun): boolean {
    if (run.epoch < run.config.epochs) return true;
    run.dispose();
    job.run = null;
    job.index++;
    if (job.index < job.runs.length) return true;
    this.postProgress(job);
    this.job = null;
    this.host.post({ type: 'finished' });
    return false;
  }

  private async closeEpoch(job: Job, run: LabRun, trainLoss: number): Promise<void> {
    const result = job.result as ExperimentRunResult;
    const ev = await settle(evaluateOnTest(run, job.table));
    const record: ExperimentEpochRecord = { epoch: run.epoch, trainLoss, mean: ev.mean.metrics, bayes: ev.bayes?.metrics ?? null, trainSeconds: job.epochMs / 1000 };
    job.epochMs = 0;
    result.epochs.push(record);
    this.host.post({ type: 'epoch', run: job.index, record });
    if (run.config.optimizer.kind === 'bsam') this.host.post({ type: 'std', run: job.index, epoch: run.epoch, histograms: stdHistograms(await settle(run.posteriorStd())) });
    if (run.epoch < run.config.epochs) return;
    result.finished = true;
    result.reliability = { mean: ev.mean.bins, bayes: ev.bayes?.bins ?? null };
    const { mean, bayes } = ev.probabilities;
    // Copies: the engine may reuse its output buffers, and the copies are transferred, not cloned.
    const predictions = { optimizer: result.optimizer, seed: result.seed, classes: job.table.classes, mean: Float32Array.from(mean), bayes: bayes ? Float32Array.from(bayes) : null };
    const transfer = [predictions.mean.buffer, ...(predictions.bayes ? [predictions.bayes.buffer] : [])];
    this.host.post({ type: 'run-done', run: job.index, result, predictions }, transfer);
  }
}

/** Steps in an epoch, as the run counts them (schedule.ts: the irregular last batch is kept on image data, skipped on the 2-D toys). */
const stepsPerEpoch = (config: TrainingConfig, table: ArrayDataset) => epochSteps(config, table.train.labels.length);
