import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../state/training.ts';
import { readNow, readSoon, type DeviceReads } from './device-reads.ts';
import { createLabRun } from './lab-run.ts';
import { TrainingRun } from './run.ts';
import { tf } from './tf.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Reads two tensors it makes and combines their values. */
function* sumOfTwo(kept: tf.Tensor): DeviceReads<number> {
  const a = yield tf.add(kept, 1);
  const b = yield tf.clone(kept);
  return a[0] + b[0];
}

describe('device reads', () => {
  it('the sync and the async driver give the same values and free every tensor read', async () => {
    const kept = tf.scalar(2);
    const before = tf.memory().numTensors;
    expect(readNow(sumOfTwo(kept))).toBe(5);
    const soon = readSoon(sumOfTwo(kept));
    expect(soon).toBeInstanceOf(Promise);
    expect(await soon).toBe(5);
    expect(tf.memory().numTensors).toBe(before);
    kept.dispose();
  });

  it('a computation that reads nothing answers at once, without a promise', () => {
    // eslint-disable-next-line require-yield -- a computation that happens to need no read
    function* nothing(): DeviceReads<string> {
      return 'done';
    }
    expect(readSoon(nothing())).toBe('done');
  });
});

describe('the tfjs lab run (asynchronous reads) against TrainingRun (synchronous)', () => {
  const config: TrainingConfig = { ...OFFICIAL_BSAM_DEMO, model: { hidden: [8, 8], activation: 'elu', biasInit: 0.05 }, predictiveSamples: 4 };

  it('gives the same losses, evaluation, prediction, posterior and snapshot after the same steps', async () => {
    const lab = createLabRun(config, 'tfjs');
    const reference = new TrainingRun(config);
    for (let k = 0; k < 7; k++) {
      const [a, b] = [await lab.advance(), reference.advance()];
      expect(a.epochLoss).toBe(b.epochLoss);
      expect(await lab.lastLoss()).toBe(b.loss);
    }
    expect(await lab.evaluate()).toEqual(reference.evaluate());
    const points = [{ x: 0, y: 0 }, { x: 1, y: -0.5 }];
    expect(await lab.predictDetailed(points, 3)).toEqual(reference.predictDetailed(points, 3));
    expect(await lab.posteriorStd()).toEqual(reference.posteriorStd());
    const snapshot = await lab.snapshot();
    expect(snapshot.step).toBe(7);
    expect(Array.from(snapshot.weights)).toEqual(reference.weights.flatMap((t) => Array.from(t.dataSync())));
    lab.dispose();
    reference.dispose();
  });

  it('holds no more tensors after 300 steps with reads than after 30', async () => {
    // A constant schedule: the cosine one keeps a scalar per epoch's lr factor (bounded at 256, tf.ts).
    const lab = createLabRun({ ...config, schedule: 'constant' }, 'tfjs');
    const run = async (steps: number) => {
      for (let k = 0; k < steps; k++) {
        await lab.advance();
        if (k % 5 === 0) await lab.lastLoss();
      }
      await lab.evaluate();
      await lab.predictDetailed([{ x: 0, y: 0 }], 2);
      await lab.snapshot();
    };
    await run(30);
    const after30 = tf.memory().numTensors;
    await run(270);
    expect(tf.memory().numTensors).toBe(after30);
    lab.dispose();
  });
});
