import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT_PANEL, experimentRuns } from '../state/fashion-experiment.ts';
import { ExperimentHandler } from './experiment-handler.ts';
import { experimentHost } from './testing/experiment-host.ts';
import { fromDisk } from './testing/fashion-files.ts';
import type { ExperimentRequest, ExperimentResponse } from './experiment-protocol.ts';

const host = experimentHost;

const runs = experimentRuns({ ...DEFAULT_EXPERIMENT_PANEL, optimizers: { ...DEFAULT_EXPERIMENT_PANEL.optimizers, 'sam-sgd': false }, size: 500, epochs: 1, batchSize: 50, predictiveSamples: 4 });

async function experiment(request: ExperimentRequest = { type: 'start', runs }) {
  const h = host();
  const handler = new ExperimentHandler(h.host, fromDisk);
  await handler.handle({ type: 'load', baseUrl: '/' });
  await handler.handle(request);
  await h.drain();
  return { h, handler };
}

/** The records without their wall times, which differ between runs. */
const records = (out: ExperimentResponse[]) => out.flatMap((r) => (r.type === 'epoch' ? [{ ...r.record, trainSeconds: 0 }] : []));

describe('the experiment worker’s handler, on the real Fashion-MNIST files', () => {
  it('loads, trains SGD and bSAM on 500 images for an epoch far above chance, and repeats itself exactly', async () => {
    const { h } = await experiment();
    const loaded = h.out.find((r) => r.type === 'loaded');
    expect(loaded).toMatchObject({ type: 'loaded', trainImages: 60_000, testImages: 10_000, test: { rows: 28, cols: 28 } });
    if (loaded?.type !== 'loaded') throw new Error('not loaded');
    expect(loaded.test.x).toHaveLength(10_000 * 784);
    expect(loaded.test.classNames[9]).toBe('Ankle boot');
    const done = h.out.flatMap((r) => (r.type === 'run-done' ? [r] : []));
    expect(done.map((d) => d.result.optimizer)).toEqual(['sgd', 'bsam']);
    for (const d of done) {
      expect(d.result.finished).toBe(true);
      expect(d.result.epochs).toHaveLength(1);
      // Chance is 0.1; 10 steps of 50 images already get well above it.
      expect(d.result.epochs[0].mean.accuracy).toBeGreaterThan(0.5);
      expect(d.result.reliability?.mean).toHaveLength(20);
      expect(d.predictions.mean).toHaveLength(10_000 * 10);
    }
    const bsam = done[1];
    expect(bsam.result.epochs[0].bayes?.accuracy).toBeGreaterThan(0.5);
    expect(bsam.predictions.bayes).not.toBeNull();
    expect(done[0].result.epochs[0].bayes).toBeNull();
    // bSAM's posterior-std histograms, one per parameter tensor of 784-100-10, after its epoch; none for SGD.
    const std = h.out.flatMap((r) => (r.type === 'std' ? [r] : []));
    expect(std.map((s) => [s.run, s.epoch])).toEqual([[1, 1]]);
    expect(std[0].histograms.layers.map((l) => l.total)).toEqual([78_400, 100, 1000, 10]);
    expect(h.out.at(-1)).toEqual({ type: 'finished' });
    const again = await experiment();
    expect(records(again.h.out)).toEqual(records(h.out));
  });

  it('pauses, resumes and cancels between chunks', async () => {
    const h = host();
    const handler = new ExperimentHandler(h.host, fromDisk);
    await handler.handle({ type: 'start', runs });
    expect(h.out).toEqual([{ type: 'error', message: 'the dataset is not loaded yet' }]);
    await handler.handle({ type: 'load', baseUrl: '/' });
    await handler.handle({ type: 'start', runs });
    await h.drain(1);
    await handler.handle({ type: 'pause' });
    const paused = h.out.at(-1);
    expect(paused).toMatchObject({ type: 'progress', paused: true });
    await h.drain();
    expect(h.out.at(-1)).toBe(paused);
    await handler.handle({ type: 'resume' });
    await handler.handle({ type: 'cancel' });
    await h.drain();
    expect(h.out.at(-1)).toEqual({ type: 'cancelled' });
    expect(h.out.some((r) => r.type === 'finished')).toBe(false);
  });

  it('says plainly when the files cannot be loaded', async () => {
    const h = host();
    const handler = new ExperimentHandler(h.host, async () => {
      throw new Error('Could not download train-images-idx3-ubyte.gz: the server answered 404 Not Found.');
    });
    await handler.handle({ type: 'load', baseUrl: '/' });
    expect(h.out).toEqual([{ type: 'load-error', message: 'Could not download train-images-idx3-ubyte.gz: the server answered 404 Not Found.' }]);
  });
});
