import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../state/training.ts';
import { computeSliceNow } from '../train/slice/compute-slice.ts';
import { tf } from '../train/tf.ts';
import { TrainLoop } from './train-loop.ts';
import { loopHost } from './testing/loop-host.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TrainingConfig = { ...OFFICIAL_BSAM_DEMO, model: { hidden: [8, 8], activation: 'elu', biasInit: 0.05 }, predictiveSamples: 4, epochs: 3 };


async function snapshotAfterSteps(engine: 'tfjs' | 'fused', steps: number) {
  const h = loopHost();
  const loop = new TrainLoop(h.host);
  await loop.init(config, engine);
  for (let k = 0; k < steps; k++) await loop.handle({ type: 'step' });
  await loop.handle({ type: 'snapshot', id: 9 });
  const reply = h.out.find((r) => r.type === 'snapshot');
  await loop.dispose();
  if (reply?.type !== 'snapshot') throw new Error('no snapshot reply');
  expect(reply.id).toBe(9);
  return reply.snapshot;
}

describe('TrainLoop engines and snapshots', () => {
  it('the fused and the tfjs engine give the same network after the same steps, and snapshot it for slicing', async () => {
    const a = await snapshotAfterSteps('tfjs', 4);
    const b = await snapshotAfterSteps('fused', 4);
    expect(a.step).toBe(4);
    expect(b.sizes).toEqual([2, 8, 8, 1]);
    expect(a.weights.length).toBe(b.weights.length);
    a.weights.forEach((w, i) => expect(b.weights[i]).toBeCloseTo(w, 4));
    expect(a.posteriorStd).not.toBeNull();
    (a.posteriorStd as Float32Array).forEach((s, i) => expect(b.posteriorStd?.[i]).toBeCloseTo(s, 5));
    expect(a.labels.length).toBe(100);
    // The snapshot's loss at the slice centre is the network's training loss: finite and the same for both.
    const settings = { dims: 1 as const, axis: 'variance' as const, points: 3, span: 0.5, samples: 2, rho: 0.05, seed: 1 };
    expect(computeSliceNow(a, settings).loss[1]).toBeCloseTo(computeSliceNow(b, settings).loss[1], 4);
  });

  it('pauses when the run reaches its configured number of epochs', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config, 'fused');
    await loop.handle({ type: 'play' });
    await h.drain(10_000);
    const last = h.out.filter((r) => r.type === 'progress').at(-1);
    expect(last).toMatchObject({ running: false, epoch: 3, step: 9, finished: true, endEpoch: 3, stopped: { step: 9, reason: 'end-of-run' } });
    await loop.dispose();
  });

  it('a finished run neither plays nor steps on (it said "finished" and re-warmed its rate before); extend trains exactly N more epochs', async () => {
    const h = loopHost();
    const loop = new TrainLoop(h.host);
    await loop.init(config, 'fused');
    await loop.handle({ type: 'play' });
    await h.drain(10_000);
    const before = h.out.length;
    await loop.handle({ type: 'play' });
    await loop.handle({ type: 'step' });
    await h.drain(10_000);
    const answers = h.out.slice(before);
    // Each refused request is answered with "still finished at step 9", and no step was taken.
    expect(answers.every((r) => r.type === 'progress' && r.step === 9 && r.finished && !r.running)).toBe(true);
    expect(answers.length).toBe(2);
    await loop.handle({ type: 'extend', epochs: 2 });
    await h.drain(10_000);
    const last = h.out.filter((r) => r.type === 'progress').at(-1);
    expect(last).toMatchObject({ running: false, epoch: 5, step: 15, finished: true, endEpoch: 5, stopped: { step: 15, reason: 'extra-epochs-done' } });
    // The extra epochs are recorded like the others: one metric row each, finite.
    const rows = h.out.flatMap((r) => (r.type === 'progress' ? r.runs[0].newMetrics : []));
    expect(rows.map((m) => m.epoch)).toEqual([1, 2, 3, 4, 5]);
    rows.forEach((m) => expect(Number.isFinite(m.trainLoss)).toBe(true));
    expect(h.out.some((r) => r.type === 'diverged')).toBe(false);
    // Reset: back to step 0, and the run ends at the configured epochs again.
    await loop.handle({ type: 'reset', history: 1 });
    expect(h.out.at(-1)).toMatchObject({ type: 'progress', step: 0, finished: false, endEpoch: 3 });
    await loop.dispose();
  });

  it('records one metric row per epoch, the same rows at any speed (not sampled by the clock)', async () => {
    const rowsAt = async (stepsPerTick: number) => {
      const h = loopHost();
      const loop = new TrainLoop(h.host);
      await loop.init({ ...config, epochs: 12 }, 'fused');
      await loop.handle({ type: 'speed', stepsPerTick });
      await loop.handle({ type: 'play' });
      await h.drain(10_000);
      await loop.dispose();
      return h.out.flatMap((r) => (r.type === 'progress' ? r.runs[0].newMetrics : []));
    };
    const slow = await rowsAt(1);
    const fast = await rowsAt(1000);
    expect(slow.map((m) => m.epoch)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(fast).toEqual(slow);
  });
});
