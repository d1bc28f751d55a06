import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../state/training.ts';
import { tf } from '../train/tf.ts';
import { GRID_SIZE, TrainLoop } from './train-loop.ts';
import type { TrainResponse } from './train-protocol.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TrainingConfig = {
  ...OFFICIAL_BSAM_DEMO,
  model: { hidden: [8], activation: 'tanh', biasInit: 0 },
  predictiveSamples: 4,
};

/** A host whose scheduled tasks run when `drain` is called, with a real clock. */
function host() {
  const out: TrainResponse[] = [];
  const tasks: (() => void)[] = [];
  return {
    out,
    host: { post: (r: TrainResponse) => out.push(r), schedule: (t: () => void) => tasks.push(t), now: () => performance.now() },
    drain(rounds: number) {
      for (let k = 0; k < rounds && tasks.length; k++) (tasks.shift() as () => void)();
    },
  };
}

const progress = (out: TrainResponse[]) => out.filter((r): r is Extract<TrainResponse, { type: 'progress' }> => r.type === 'progress');

describe('TrainLoop', () => {
  it('init shows step 0 with a decision grid and the data; step advances by one', () => {
    const h = host();
    const loop = new TrainLoop(h.host);
    loop.init(config);
    const first = progress(h.out)[0];
    expect(first).toMatchObject({ step: 0, epoch: 0, fresh: true, running: false });
    expect(first.grid.probs).toHaveLength(GRID_SIZE * GRID_SIZE * 2);
    expect(first.grid.samples).toHaveLength(20);
    expect(first.train).toHaveLength(100);
    loop.handle({ type: 'step' });
    expect(progress(h.out).at(-1)).toMatchObject({ step: 1, fresh: false });
    loop.dispose();
  });

  it('play runs in chunks until pause, reporting epochs; reset returns to the same initial weights', () => {
    const h = host();
    const loop = new TrainLoop(h.host);
    loop.init(config);
    const initialGrid = Array.from(progress(h.out)[0].grid.probs);
    loop.handle({ type: 'play' });
    h.drain(8);
    loop.handle({ type: 'pause' });
    const last = progress(h.out).at(-1);
    expect(last?.running).toBe(false);
    expect(last?.step).toBeGreaterThan(3);
    const metrics = progress(h.out).flatMap((p) => p.newMetrics);
    expect(metrics.length).toBe(Math.floor((last?.step ?? 0) / 3));
    loop.handle({ type: 'reset' });
    const again = progress(h.out).at(-1);
    expect(again).toMatchObject({ step: 0, fresh: true });
    expect(Array.from(again?.grid.probs ?? [])).toEqual(initialGrid);
    loop.dispose();
  });

  it('a NaN loss gives the diverged state; nothing runs until reset', () => {
    const h = host();
    const loop = new TrainLoop(h.host);
    // The official ELU network with α = 1e3: activations overflow within a few steps.
    loop.init({ ...OFFICIAL_BSAM_DEMO, predictiveSamples: 2, optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, learningRate: 1e3 } });
    loop.handle({ type: 'play' });
    h.drain(50);
    const diverged = h.out.find((r) => r.type === 'diverged');
    expect(diverged).toBeDefined();
    expect(diverged && 'message' in diverged ? diverged.message : '').toMatch(/learning rate/);
    const count = h.out.length;
    loop.handle({ type: 'step' });
    loop.handle({ type: 'play' });
    h.drain(5);
    expect(h.out.length).toBe(count);
    loop.handle({ type: 'reset' });
    expect(progress(h.out).at(-1)).toMatchObject({ step: 0 });
    loop.dispose();
  });

  it('requests before init get an error, not a crash', () => {
    const h = host();
    new TrainLoop(h.host).handle({ type: 'play' });
    expect(h.out[0]).toMatchObject({ type: 'error' });
  });
});
