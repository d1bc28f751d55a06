import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../state/training.ts';
import { TrainingRun } from '../train/run.ts';
import { tf } from '../train/tf.ts';
import { GRID_SIZE, TrainLoop } from './train-loop.ts';
import type { TrainResponse } from './train-protocol.ts';
import { loopHost } from './testing/loop-host.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TrainingConfig = {
  ...OFFICIAL_BSAM_DEMO,
  model: { hidden: [8], activation: 'tanh', biasInit: 0 },
  predictiveSamples: 4,
};


const progress = (out: TrainResponse[]) => out.filter((r): r is Extract<TrainResponse, { type: 'progress' }> => r.type === 'progress');

describe('TrainLoop', () => {
  it('init shows step 0 with a decision grid and the data; step advances by one', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config);
    const first = progress(h.out)[0];
    expect(first).toMatchObject({ step: 0, epoch: 0, fresh: true, running: false });
    expect(first.runs).toHaveLength(1);
    expect(first.runs[0].grid?.probs).toHaveLength(GRID_SIZE * GRID_SIZE * 2);
    expect(first.runs[0].grid?.samples).toHaveLength(20);
    expect(first.data?.train).toHaveLength(100);
    expect(first.data?.trainOrigins).toHaveLength(100);
    // The reliability diagram has the step-0 evaluation: 20 bins holding every point.
    expect(first.runs[0].evaluation?.reliability).toHaveLength(20);
    expect(first.runs[0].evaluation?.reliability.reduce((n, b) => n + b.count, 0)).toBe(100);
    await loop.handle({ type: 'step' });
    const second = progress(h.out).at(-1);
    expect(second).toMatchObject({ step: 1, fresh: false, data: null });
    // A step forces a new grid, but the evaluation (per epoch) did not change.
    expect(second?.runs[0].grid).not.toBeNull();
    expect(second?.runs[0].evaluation).toBeNull();
    await loop.dispose();
  });

  it('play runs in chunks until pause, reporting epochs; reset returns to the same initial weights', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config);
    const initialGrid = Array.from(progress(h.out)[0].runs[0].grid?.probs ?? []);
    await loop.handle({ type: 'play' });
    await h.drain(8);
    await loop.handle({ type: 'pause' });
    const last = progress(h.out).at(-1);
    expect(last?.running).toBe(false);
    expect(last?.step).toBeGreaterThan(3);
    const metrics = progress(h.out).flatMap((p) => p.runs[0].newMetrics);
    // One row per completed epoch, each at an epoch's end, in order.
    expect(metrics.length).toBe(Math.floor((last?.step ?? 0) / 3));
    metrics.forEach((m, i) => {
      expect(m.step % 3).toBe(0);
      if (i > 0) expect(m.step).toBeGreaterThan(metrics[i - 1].step);
    });
    // Each epoch's evaluation went out; the last one sent is the latest epoch's.
    const evaluations = progress(h.out).flatMap((p) => (p.runs[0].evaluation ? [p.runs[0].evaluation] : []));
    expect(evaluations.at(-1)?.step).toBe(metrics.at(-1)?.step);
    await loop.handle({ type: 'reset', history: 1 });
    const again = progress(h.out).at(-1);
    expect(again).toMatchObject({ step: 0, fresh: true });
    expect(Array.from(again?.runs[0].grid?.probs ?? [])).toEqual(initialGrid);
    await loop.dispose();
  });

  it('a NaN loss gives the diverged state; nothing runs until reset', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    // The official ELU network with α = 1e3: activations overflow within a few steps.
    await loop.init({ ...OFFICIAL_BSAM_DEMO, predictiveSamples: 2, optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, learningRate: 1e3 } });
    await loop.handle({ type: 'play' });
    await h.drain(50);
    const diverged = h.out.find((r) => r.type === 'diverged');
    expect(diverged).toBeDefined();
    expect(diverged && 'message' in diverged ? diverged.message : '').toMatch(/learning rate/);
    // The step and epoch the banner and the status line both show.
    if (diverged?.type !== 'diverged') throw new Error('no divergence');
    expect(diverged.epoch).toBe(Math.floor(diverged.step / 3));
    const count = h.out.length;
    await loop.handle({ type: 'step' });
    await loop.handle({ type: 'play' });
    await h.drain(5);
    expect(h.out.length).toBe(count);
    await loop.handle({ type: 'reset', history: 1 });
    expect(progress(h.out).at(-1)).toMatchObject({ step: 0 });
    await loop.dispose();
  });

  it('stopAt pauses exactly at that step while playing, and not again when playing on', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init({ ...config, stopAt: 7 });
    await loop.handle({ type: 'speed', stepsPerTick: 1000 });
    await loop.handle({ type: 'play' });
    await h.drain(50);
    const stopped = progress(h.out).at(-1);
    expect(stopped).toMatchObject({ step: 7, running: false, finished: false, stopped: { step: 7, reason: 'pause-at' } });
    await loop.handle({ type: 'stopAt', step: 9 });
    await loop.handle({ type: 'play' });
    await h.drain(50);
    expect(progress(h.out).at(-1)).toMatchObject({ step: 9, running: false, stopped: { step: 9, reason: 'pause-at' } });
    // Playing on from the stop step runs past it.
    await loop.handle({ type: 'play' });
    await h.drain(3);
    await loop.handle({ type: 'pause' });
    expect(progress(h.out).at(-1)?.step).toBeGreaterThan(9);
    await loop.dispose();
  });

  it('at the classroom’s slow pace each chunk is one step and the next chunk waits the interval; normal speed waits none', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config);
    await loop.handle({ type: 'speed', stepsPerTick: 1, intervalMs: 66 });
    await loop.handle({ type: 'play' });
    await h.drain(5);
    expect(h.delays.slice(-5)).toEqual([66, 66, 66, 66, 66]);
    // One step per chunk: five chunks, five steps.
    await loop.handle({ type: 'pause' });
    expect(progress(h.out).at(-1)).toMatchObject({ step: 5, running: false });
    await loop.handle({ type: 'speed', stepsPerTick: 1000 });
    await loop.handle({ type: 'play' });
    await h.drain(1);
    expect(h.delays.at(-1)).toBe(0);
    await loop.dispose();
  });

  it('compare mode steps a second run in lockstep on the same data and initial weights', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    const sgd = { ...config, optimizer: { ...config.optimizer, kind: 'sgd' as const } };
    await loop.init({ ...sgd, compare: { kind: 'bsam' } });
    const first = progress(h.out)[0];
    expect(first.runs.map((r) => r.kind)).toEqual(['sgd', 'bsam']);
    // Same initial weights: the mean-weights prediction of bSAM equals SGD's prediction at step 0.
    const [a, b] = first.runs.map((r) => r.grid);
    expect(Array.from(b?.meanProbs ?? []).slice(0, 20)).toEqual(Array.from(a?.probs ?? []).slice(0, 20));
    expect(a?.samples).toHaveLength(0);
    expect(b?.samples).toHaveLength(20);
    await loop.handle({ type: 'stopAt', step: 6 });
    await loop.handle({ type: 'play' });
    await h.drain(50);
    const last = progress(h.out).at(-1);
    expect(last?.step).toBe(6);
    // Both runs are evaluated at the same epochs (paired rows).
    const steps = (k: number) => progress(h.out).flatMap((p) => p.runs[k].newMetrics.map((m) => m.step));
    expect(steps(0).length).toBeGreaterThanOrEqual(1);
    expect(steps(1)).toEqual(steps(0));
    await loop.dispose();
  });

  it('bSAM progress carries per-layer posterior-std histograms (at the grid cadence); other optimizers none', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init({ ...config, compare: { kind: 'sgd' } });
    const [bsam, sgd] = progress(h.out)[0].runs;
    // The hidden-[8] network: W and b of two layers, every parameter counted once.
    const expected = new TrainingRun(config);
    const layers = expected.posteriorStd();
    expected.dispose();
    expect(bsam.posteriorStd?.layers.map((l) => l.layer)).toEqual(layers.map((l) => l.layer));
    expect(bsam.posteriorStd?.layers.map((l) => l.total)).toEqual(layers.map((l) => l.values.length));
    // At step 0 every std is 1/sqrt(N·s_init) = 1/sqrt(100): all in one bin around log10 = −1.
    expect(((bsam.posteriorStd?.log10From ?? 0) + (bsam.posteriorStd?.log10To ?? 0)) / 2).toBeCloseTo(-1, 5);
    expect(sgd.posteriorStd).toBeNull();
    await loop.dispose();
  });

  it('the first progress after play shows the step without waiting for a grid; a quick pause-play runs one chain of chunks', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config);
    await loop.handle({ type: 'play' });
    await loop.handle({ type: 'pause' });
    await loop.handle({ type: 'play' });
    // Both plays scheduled a chunk; the first play's is stale and does nothing.
    expect(h.scheduled).toBe(2);
    const sent = h.out.length;
    await h.drain(1);
    expect(h.out.length).toBe(sent);
    expect(h.scheduled).toBe(1);
    await h.drain(1);
    const first = progress(h.out).at(-1);
    expect(first?.step).toBeGreaterThan(0);
    expect(first?.runs[0].grid).toBeNull();
    // One chain: each chunk schedules exactly one next chunk.
    expect(h.scheduled).toBe(1);
    await loop.dispose();
  });

  it('requests arriving while a chunk waits are handled after it, in order', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config);
    await loop.handle({ type: 'play' });
    // A chunk, a reset and a step all in flight at once: the reset must not dispose the run under the chunk.
    const chunk = h.drain(1);
    const reset = loop.handle({ type: 'reset', history: 1 });
    const step = loop.handle({ type: 'step' });
    await Promise.all([chunk, reset, step]);
    expect(progress(h.out).at(-1)).toMatchObject({ step: 1, running: false });
    expect(h.out.filter((r) => r.type === 'error')).toEqual([]);
    await loop.dispose();
  });

  it('requests before init get an error, not a crash', async () => {
    const h = loopHost();
    await new TrainLoop(h.host).handle({ type: 'play' });
    expect(h.out[0]).toMatchObject({ type: 'error' });
  });
});
