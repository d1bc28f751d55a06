import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT_PANEL, experimentRuns, type ExperimentEngine } from '../state/fashion-experiment.ts';
import { fashionMnistDataset } from '../train/data/index.ts';
import { tf } from '../train/tf.ts';
import { chooseExperimentEngine, experimentRun } from './experiment-engine.ts';
import { ExperimentHandler } from './experiment-handler.ts';
import type { ExperimentResponse } from './experiment-protocol.ts';
import { fashionFiles, fromDisk } from './testing/fashion-files.ts';

/** The experiment's live network (784-100-10) on the first 200 real training images, batches of 50, one epoch. */
const panel = { ...DEFAULT_EXPERIMENT_PANEL, optimizers: { sgd: true, adam: false, 'sam-sgd': false, 'sam-adam': false, bsam: true }, size: 200, epochs: 1, batchSize: 50, predictiveSamples: 1 };
const runs = experimentRuns(panel);

/** Float32 agreement of two engines after a few steps: relative 1e-5 (float32's epsilon is 1.2e-7; rounding grows over steps). */
const closeF32 = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(a), Math.abs(b));

async function experiment(engine: ExperimentEngine, which = runs) {
  const out: ExperimentResponse[] = [];
  const tasks: (() => Promise<void>)[] = [];
  const handler = new ExperimentHandler({ post: (r) => out.push(r), schedule: (t) => tasks.push(t), now: () => performance.now() }, fromDisk);
  await handler.handle({ type: 'load', baseUrl: '/' });
  await handler.handle({ type: 'start', runs: which, engine });
  while (tasks.length) await (tasks.shift() as () => Promise<void>)();
  return out;
}

const epochRecords = (out: ExperimentResponse[]) => out.flatMap((r) => (r.type === 'epoch' ? [r.record] : []));

describe('the experiment on either engine, on the real Fashion-MNIST images', () => {
  it.each(runs.map((r) => [r.optimizer, r.config] as const))('%s: tfjs cpu takes the same first steps as the fused engine (float32)', async (_name, config) => {
    const table = fashionMnistDataset(fashionFiles(), panel.size);
    const losses = { fused: [] as number[], cpu: [] as number[] };
    for (const requested of ['fused', 'cpu'] as const) {
      const engine = await chooseExperimentEngine(requested, config, table);
      expect(engine.active).toBe(requested);
      const run = experimentRun(config, engine, table);
      try {
        for (let k = 0; k < 3; k++) {
          await run.advance();
          losses[requested].push(await run.lastLoss());
        }
      } finally {
        run.dispose();
      }
    }
    expect(losses.fused.every(Number.isFinite)).toBe(true);
    // The losses move (the steps are not no-ops), and agree step by step.
    expect(losses.fused[2]).not.toBe(losses.fused[0]);
    losses.fused.forEach((l, k) => expect(closeF32(l, losses.cpu[k]), `step ${k + 1}: fused ${l}, tfjs cpu ${losses.cpu[k]}`).toBe(true));
  });

  // One tfjs run with its real evaluation (10,000 test images through tfjs's plain-JavaScript cpu backend):
  // tens of seconds on a loaded 2-core machine, hence the limit.
  it('webgpu without an adapter (Node has none) falls back to cpu, says so, and gives the fused engine’s records with no tensor left behind', { timeout: 600_000 }, async () => {
    const bsamOnly = runs.slice(1);
    const fused = await experiment('fused', bsamOnly);
    expect(fused.find((r) => r.type === 'engine')).toMatchObject({ requested: 'fused', active: 'fused' });
    const before = tf.memory().numTensors;
    const out = await experiment('webgpu', bsamOnly);
    const engine = out.find((r) => r.type === 'engine');
    expect(engine).toMatchObject({ requested: 'webgpu', active: 'cpu' });
    if (engine?.type !== 'engine') throw new Error('no engine message');
    expect(engine.reason).toContain('webgpu could not start here (no WebGPU adapter in this browser)');
    expect(engine.reason).toContain('using cpu');
    expect(out.at(-1)).toEqual({ type: 'finished' });
    expect(tf.memory().numTensors).toBe(before);
    const [a, b] = [epochRecords(fused), epochRecords(out)];
    expect(a).toHaveLength(1);
    expect(b.map((r) => r.epoch)).toEqual(a.map((r) => r.epoch));
    a.forEach((r, i) => {
      expect(closeF32(r.trainLoss, b[i].trainLoss), `train loss ${r.trainLoss} vs ${b[i].trainLoss}`).toBe(true);
      // Accuracy counts images: at most one of 10,000 may flip on a float32 tie.
      expect(Math.abs(r.mean.accuracy - b[i].mean.accuracy)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(r.mean.nll - b[i].mean.nll)).toBeLessThanOrEqual(1e-4 * r.mean.nll);
    });
  });

  it('auto measures the engines that can start and win here (in Node: the fused one), and says what it left out', async () => {
    const table = fashionMnistDataset(fashionFiles(), panel.size);
    const engine = await chooseExperimentEngine('auto', runs[1].config, table);
    expect(engine).toMatchObject({ requested: 'auto', active: 'fused' });
    expect(engine.reason).toMatch(/^auto: measured fused [\d.]+ ms\/step; unavailable: wasm, webgpu, webgl → fused; not measured: cpu \(/);
    // Measured once per setting: the second choice is remembered, not measured again.
    expect((await chooseExperimentEngine('auto', runs[1].config, table)).reason).toContain('(measured earlier for this setting)');
  });
});
