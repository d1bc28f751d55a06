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
    expect(last).toMatchObject({ running: false, epoch: 3, step: 9, stoppedAt: 9 });
    await loop.dispose();
  });
});
