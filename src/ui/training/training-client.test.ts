import { describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import type { DecisionGrid, MetricPoint, PauseReason, TrainRequest, TrainResponse } from '../../worker/train-protocol.ts';
import { MAX_RESTARTS, TrainingClient } from './training-client.ts';
import type { TrainingView } from './training-client.ts';
import type { WorkerLike } from '../kit/worker-client.ts';

type Stamped = Extract<TrainResponse, { history: number }>;
type Unstamped = Exclude<TrainResponse, Stamped> | (Stamped extends infer R ? (R extends Stamped ? Omit<R, 'history'> & { history?: number } : never) : never);

class FakeWorker implements WorkerLike<TrainRequest> {
  sent: TrainRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: TrainRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Progress and divergence without a history number get the latest one this worker was sent. */
  reply(response: Unstamped): void {
    const latest = [...this.sent].reverse().find((r) => r.type === 'init' || r.type === 'reset');
    const history = latest && 'history' in latest ? latest.history : 0;
    const data = response.type === 'progress' || response.type === 'diverged' ? { ...response, history: response.history ?? history } : response;
    this.onmessage?.({ data } as MessageEvent);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

const GRID: DecisionGrid = { size: 2, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, classes: 2, probs: new Float32Array(8), meanProbs: null, samples: [] };
const row = (step: number, trainLoss: number): MetricPoint => ({ epoch: step / 3, step, trainLoss, testAccuracy: 0.5, nll: 0.7, ece: 0.1 });
const progress = (
  step: number,
  opts: { fresh?: boolean; running?: boolean; rows?: MetricPoint[]; grid?: DecisionGrid | null; stopped?: { step: number; reason: PauseReason }; finished?: boolean; compareRows?: MetricPoint[]; history?: number } = {},
): Unstamped => ({
  type: 'progress',
  history: opts.history,
  running: opts.running ?? false,
  step,
  epoch: Math.floor(step / 3),
  fresh: opts.fresh ?? false,
  runs: [
    { kind: 'bsam', newMetrics: opts.rows ?? [], grid: opts.grid === undefined ? GRID : opts.grid, evaluation: null, posteriorStd: null },
    ...(opts.compareRows ? [{ kind: 'sam-sgd' as const, newMetrics: opts.compareRows, grid: null, evaluation: null, posteriorStd: null }] : []),
  ],
  data: opts.fresh ? { train: [], test: [], classes: 2, trainOrigins: [], testOrigins: [] } : null,
  stepsPerSecond: null,
  stopped: opts.stopped ?? null,
  finished: opts.finished ?? false,
  endEpoch: 250,
});
const metricsOf = (v: TrainingView, run = 0) => v.runs[run]?.metrics ?? [];

function setup() {
  const workers: FakeWorker[] = [];
  const views: TrainingView[] = [];
  const client = new TrainingClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    onChange: (v) => views.push(v),
  });
  const view = () => client.current;
  return { client, workers, views, view };
}

describe('TrainingClient', () => {
  it('inits, goes paused on the fresh progress, and keeps the metric history', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    expect(view().status).toBe('idle');
    const w = workers[0];
    expect(w.sent).toEqual([{ type: 'init', config: OFFICIAL_BSAM_DEMO, backend: 'cpu', history: 1 }]);
    w.reply({ type: 'backend', active: 'cpu', requested: 'cpu', reason: 'cpu, as chosen' });
    w.reply(progress(0, { fresh: true }));
    expect(view()).toMatchObject({ status: 'paused', step: 0, backend: { active: 'cpu' } });
    expect(metricsOf(view())).toEqual([]);
    client.play();
    expect(view().status).toBe('running');
    w.reply(progress(3, { running: true, rows: [row(3, 0.7)] }));
    w.reply(progress(6, { running: true, rows: [row(6, 0.6)] }));
    expect(metricsOf(view()).map((m) => m.trainLoss)).toEqual([0.7, 0.6]);
    client.pause();
    expect(w.sent.map((r) => r.type)).toEqual(['init', 'play', 'pause']);
    expect(view().status).toBe('paused');
    // Posted before the worker saw the pause: does not flip the status back.
    w.reply(progress(9, { running: true, rows: [row(9, 0.55)] }));
    expect(view()).toMatchObject({ status: 'paused', step: 9 });
    w.reply(progress(9, { running: false }));
    expect(view().status).toBe('paused');
    // The worker's word counts again once it has confirmed.
    w.reply(progress(12, { running: true }));
    expect(view().status).toBe('running');
  });

  it('drops messages of the previous run until the fresh progress after reset', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    const w = workers[0];
    w.reply(progress(0, { fresh: true }));
    w.reply(progress(9, { rows: [row(9, 0.5)] }));
    client.reset();
    // In flight before the reset was handled: they belong to history 1.
    w.reply(progress(12, { rows: [row(12, 0.4)], history: 1 }));
    w.reply({ type: 'diverged', step: 13, epoch: 4, message: 'late', run: 0, history: 1 });
    expect(view()).toMatchObject({ status: 'idle', step: 9, diverged: null });
    w.reply(progress(0, { fresh: true }));
    expect(view()).toMatchObject({ status: 'paused', step: 0 });
    expect(metricsOf(view())).toEqual([]);
  });

  it('while a new run is being built, the previous run (even its fresh progress) is not shown as the new one', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'auto');
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    const w = workers[0];
    expect(w.sent.map((r) => (r.type === 'init' ? r.history : null))).toEqual([1, 2]);
    // The auto run finishes building first: the panel stays 'building' (idle), play is not offered.
    w.reply(progress(0, { fresh: true, history: 1 }));
    expect(view().status).toBe('idle');
    client.play();
    expect(w.sent.map((r) => r.type)).toEqual(['init', 'init']);
    w.reply(progress(0, { fresh: true, history: 2 }));
    expect(view().status).toBe('paused');
  });

  it('reports divergence and recovers with one reset', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    const w = workers[0];
    w.reply(progress(0, { fresh: true }));
    client.play();
    w.reply(progress(1, { running: true }));
    w.reply({ type: 'diverged', step: 4, epoch: 1, message: 'the loss became NaN', run: 0 });
    // The status line's step is the banner's step (it said 1 beside a banner saying 4).
    expect(view()).toMatchObject({ status: 'diverged', step: 4, epoch: 1, diverged: { step: 4 } });
    client.play(); // ignored while diverged
    client.step();
    expect(w.sent.map((r) => r.type)).toEqual(['init', 'play']);
    client.reset();
    w.reply(progress(0, { fresh: true }));
    expect(view()).toMatchObject({ status: 'paused', step: 0, diverged: null });
  });

  it('sends the slow pace’s wait between chunks with the speed, and again to a restarted worker', () => {
    const { client, workers } = setup();
    client.setSpeed(1, 66);
    client.init(OFFICIAL_BSAM_DEMO, 'fused');
    expect(workers[0].sent[0]).toEqual({ type: 'speed', stepsPerTick: 1, intervalMs: 66 });
    workers[0].crash('gone');
    expect(workers[1].sent[0]).toEqual({ type: 'speed', stepsPerTick: 1, intervalMs: 66 });
    // Back to a normal speed: no wait is sent.
    client.setSpeed(1000);
    expect(workers[1].sent.at(-1)).toEqual({ type: 'speed', stepsPerTick: 1000 });
  });

  it('restarts a crashed worker with the same config, and gives up after repeated crashes', () => {
    const { client, workers, view } = setup();
    const config = { ...OFFICIAL_BSAM_DEMO, epochs: 7 };
    client.setSpeed(10);
    client.init(config, 'webgpu');
    workers[0].reply(progress(0, { fresh: true }));
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toEqual([
      { type: 'speed', stepsPerTick: 10 },
      { type: 'init', config, backend: 'webgpu', history: 2 },
    ]);
    expect(view().status).toBe('idle');
    expect(view().crash).toMatch(/crashed \(out of memory\).*restarted/);
    for (let k = 1; k <= MAX_RESTARTS; k++) workers[k].crash('again');
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
    expect(view().status).toBe('error');
    // Reset starts over with a new worker.
    client.reset();
    expect(workers).toHaveLength(MAX_RESTARTS + 2);
    workers[MAX_RESTARTS + 1].reply(progress(0, { fresh: true }));
    expect(view().status).toBe('paused');
  });

  it('shows an init failure as an error status, other errors as messages', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'auto');
    workers[0].reply({ type: 'error', message: 'no TensorFlow.js backend could start' });
    expect(view()).toMatchObject({ status: 'error', error: 'no TensorFlow.js backend could start' });
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    workers[0].reply({ type: 'backend', active: 'webgl', requested: 'auto', reason: 'stale' });
    expect(view().backend).toBeNull();
    workers[0].reply(progress(0, { fresh: true }));
    workers[0].reply({ type: 'error', message: 'bad request' });
    expect(view()).toMatchObject({ status: 'paused', error: 'bad request' });
  });

  it('keeps the last grid when a progress message carries none, and a compared run has its own history', () => {
    const { client, workers, view } = setup();
    client.init({ ...OFFICIAL_BSAM_DEMO, compare: { kind: 'sam-sgd' } }, 'cpu');
    const w = workers[0];
    w.reply(progress(0, { fresh: true, compareRows: [] }));
    const grid = view().runs[0].grid;
    expect(grid).toBe(GRID);
    w.reply(progress(3, { grid: null, rows: [row(3, 0.7)], compareRows: [row(3, 0.9)] }));
    expect(view().runs[0].grid).toBe(GRID);
    expect(view().runs.map((r) => r.kind)).toEqual(['bsam', 'sam-sgd']);
    expect(metricsOf(view(), 0).map((m) => m.trainLoss)).toEqual([0.7]);
    expect(metricsOf(view(), 1).map((m) => m.trainLoss)).toEqual([0.9]);
    expect(view().data).not.toBeNull();
  });

  it('sends stopAt on its own (no rebuild) and with every init; shows where the run stopped', () => {
    const { client, workers, view } = setup();
    client.init({ ...OFFICIAL_BSAM_DEMO, stopAt: 30 }, 'cpu');
    const w = workers[0];
    expect(w.sent[0]).toMatchObject({ type: 'init', config: { stopAt: 30 } });
    client.setStopAt(500);
    client.setStopAt(500);
    expect(w.sent.slice(1)).toEqual([{ type: 'stopAt', step: 500 }]);
    w.reply(progress(0, { fresh: true }));
    client.play();
    w.reply(progress(500, { running: false, stopped: { step: 500, reason: 'pause-at' } }));
    expect(view()).toMatchObject({ status: 'paused', step: 500, stopped: { step: 500, reason: 'pause-at' } });
    client.play();
    expect(view().stopped).toBeNull();
    // A crash restart re-sends the current stop step with the config.
    w.crash('boom');
    expect(workers[1].sent.at(-1)).toMatchObject({ type: 'init', config: { stopAt: 500 } });
  });

  it('a finished run neither plays nor steps; extend trains it on, reset restarts it', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    const w = workers[0];
    w.reply(progress(0, { fresh: true }));
    client.play();
    w.reply(progress(750, { running: false, finished: true, stopped: { step: 750, reason: 'end-of-run' } }));
    expect(view()).toMatchObject({ status: 'finished', stopped: { reason: 'end-of-run' }, endEpoch: 250 });
    const sent = w.sent.length;
    client.play();
    client.step();
    expect(w.sent.length).toBe(sent);
    expect(view().status).toBe('finished');
    client.extend(10);
    expect(w.sent.at(-1)).toEqual({ type: 'extend', epochs: 10 });
    expect(view().status).toBe('running');
    w.reply(progress(780, { running: false, finished: true, stopped: { step: 780, reason: 'extra-epochs-done' } }));
    expect(view()).toMatchObject({ status: 'finished', step: 780, stopped: { reason: 'extra-epochs-done' } });
    client.reset();
    expect(w.sent.at(-1)).toMatchObject({ type: 'reset' });
  });

  it('the worker\'s word that a run is finished settles an optimistic "running"', () => {
    const { client, workers, view } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    const w = workers[0];
    w.reply(progress(750, { fresh: true, finished: true }));
    expect(view().status).toBe('finished');
    client.extend(5);
    // The worker's answer to a play it could not honour: finished, not running.
    w.reply(progress(750, { running: false, finished: true }));
    expect(view().status).toBe('finished');
  });

  it('stops talking to the worker once disposed', () => {
    const { client, workers, views } = setup();
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    client.dispose();
    expect(workers[0].terminated).toBe(true);
    const n = views.length;
    client.init(OFFICIAL_BSAM_DEMO, 'cpu');
    expect(views).toHaveLength(n);
  });
});
