import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT_PANEL, experimentRuns } from '../state/fashion-experiment.ts';
import { idxBytes, images, labels } from '../train/data/testing/idx-bytes.ts';
import { ExperimentHandler, type FilesLoader } from './experiment-handler.ts';
import type { ExperimentRequest } from './experiment-protocol.ts';
import { experimentHost } from './testing/experiment-host.ts';
import { fashionFiles } from './testing/fashion-files.ts';

/**
 * "Load your own IDX files" through the worker's handler: a tiny EMNIST-letters-like set (labels 1–3, so class 0
 * is never a target), 4 × 4 images whose brightest pixel is the class, learnable in one epoch.
 */
const TRAIN = 200;
const TEST = 40;
const labelOf = (i: number) => 1 + (i % 3);
const picture = (count: number) => images(count, 4, 4, (p) => (p % 16 === labelOf(Math.floor(p / 16)) ? 255 : 10));
const good = () => ({
  'letters-train-images-idx3-ubyte.gz': gzipSync(picture(TRAIN)),
  'letters-train-labels-idx1-ubyte': labels(Array.from({ length: TRAIN }, (_, i) => labelOf(i))),
  'letters-test-images-idx3-ubyte': picture(TEST),
  'letters-test-labels-idx1-ubyte.gz': gzipSync(labels(Array.from({ length: TEST }, (_, i) => labelOf(i)))),
});
type Files = Record<string, Uint8Array>;

/** The files as the page sends them: each in an ArrayBuffer of its own (they are transferred). */
const request = (files: Files): ExperimentRequest => ({ type: 'load-own', files: Object.entries(files).map(([name, b]) => ({ name, bytes: new Uint8Array(b).buffer })) });

const host = experimentHost;

const noFashion: FilesLoader = async () => {
  throw new Error('not in this test');
};
const ownRuns = experimentRuns({ ...DEFAULT_EXPERIMENT_PANEL, optimizers: { sgd: true, adam: false, 'sam-sgd': false, 'sam-adam': false, bsam: true }, size: 100, epochs: 1, batchSize: 20, predictiveSamples: 2 });

async function loadOwn(files: Files, loader = noFashion) {
  const h = host();
  const handler = new ExperimentHandler(h.host, loader);
  await handler.handle(request(files));
  return { h, handler };
}

async function ownError(files: Files): Promise<string> {
  const { h } = await loadOwn(files);
  expect(h.out).toHaveLength(1);
  const r = h.out[0];
  if (r.type !== 'own-error') throw new Error(`expected own-error, got ${JSON.stringify(r)}`);
  return r.message;
}

describe('the experiment worker with the user’s own IDX files', () => {
  it('sorts, checks and describes four files (gzip or not), then trains on them with an output per class', async () => {
    const { h, handler } = await loadOwn(good());
    const loaded = h.out[0];
    if (loaded?.type !== 'own-loaded') throw new Error(JSON.stringify(loaded));
    expect(loaded.summary).toEqual({
      name: 'letters-train-images-idx3-ubyte.gz',
      files: { trainImages: 'letters-train-images-idx3-ubyte.gz', trainLabels: 'letters-train-labels-idx1-ubyte', testImages: 'letters-test-images-idx3-ubyte', testLabels: 'letters-test-labels-idx1-ubyte.gz' },
      trainImages: TRAIN,
      testImages: TEST,
      rows: 4,
      cols: 4,
      // Labels 1–3: classes = largest label + 1, and class 0 is said to be unused.
      classes: 4,
      unusedClasses: [0],
    });
    expect(loaded.test.x).toHaveLength(TEST * 16);
    expect(loaded.test.classNames).toEqual(['class 0', 'class 1', 'class 2', 'class 3']);
    await handler.handle({ type: 'start', runs: ownRuns, dataset: 'own' });
    await h.drain();
    const done = h.out.flatMap((r) => (r.type === 'run-done' ? [r] : []));
    expect(done.map((d) => d.result.optimizer)).toEqual(['sgd', 'bsam']);
    for (const d of done) {
      expect(d.predictions.classes).toBe(4);
      expect(d.predictions.mean).toHaveLength(TEST * 4);
      // Chance is 1/3; the class is written in the picture.
      expect(d.result.epochs[0].mean.accuracy).toBeGreaterThan(0.5);
    }
    // bSAM's std histograms: 16 → 100 → 4, one per parameter tensor.
    const std = h.out.find((r) => r.type === 'std');
    expect(std?.type === 'std' && std.histograms.layers.map((l) => l.total)).toEqual([1600, 100, 400, 4]);
    expect(h.out.at(-1)).toEqual({ type: 'finished' });
  });

  it('gives each kind of bad file its message, naming the file', async () => {
    const g = good();
    const without = (name: keyof ReturnType<typeof good>) => Object.fromEntries(Object.entries(g).filter(([n]) => n !== name));
    expect(await ownError({ ...without('letters-test-images-idx3-ubyte'), 'notes.txt': new TextEncoder().encode('not an IDX file') })).toMatch(/^notes.txt: wrong magic number 0x6e6f7420/);
    // An image file of 2 dimensions (magic 0x00000802) is neither images nor labels.
    expect(await ownError({ ...without('letters-test-images-idx3-ubyte'), 'test-images': idxBytes(0x802, [TEST, 16], new Uint8Array(TEST * 16)) })).toMatch(/^test-images: wrong magic number 0x00000802/);
    expect(await ownError({ ...without('letters-test-images-idx3-ubyte'), 'test-images': images(TEST, 5, 5) })).toBe('test-images: wrong dimensions: images are 5 × 5, expected 4 × 4');
    expect(await ownError({ ...without('letters-test-images-idx3-ubyte'), 'test-images': picture(TEST).subarray(0, 100) })).toBe(
      `test-images: truncated data: the header announces ${TEST} images of 4 × 4 (${TEST * 16} bytes), the file holds 84`,
    );
    expect(await ownError({ ...without('letters-test-labels-idx1-ubyte.gz'), 'test-labels': labels([1, 2, 3]) })).toBe(
      `letters-test-images-idx3-ubyte / test-labels: images and labels of different counts: ${TEST} images, 3 labels`,
    );
    // Classes come from the training labels (1–3 → 4): a test label 7 is outside them.
    expect(await ownError({ ...without('letters-test-labels-idx1-ubyte.gz'), 'test-labels': labels(Array.from({ length: TEST }, (_, i) => (i === 5 ? 7 : 1))) })).toBe('test-labels: label 7 (item 5) is outside 0–3');
    expect(await ownError({ ...without('letters-test-labels-idx1-ubyte.gz'), 'test-labels.gz': gzipSync(labels([1])).subarray(0, 12) })).toMatch(/^test-labels.gz: cannot be decompressed/);
    expect(await ownError(without('letters-test-labels-idx1-ubyte.gz'))).toBe('files: expected 4 IDX files (training and test images and labels), got 3');
  });

  it('keeps the last good set when a bad one comes, and says what is missing', async () => {
    const { h, handler } = await loadOwn(good());
    await handler.handle(request({ ...good(), 'letters-train-labels-idx1-ubyte': labels([1, 2]) }));
    expect(h.out.map((r) => r.type)).toEqual(['own-loaded', 'own-error']);
    await handler.handle({ type: 'start', runs: ownRuns.slice(0, 1), dataset: 'own' });
    await h.drain();
    expect(h.out.at(-1)).toEqual({ type: 'finished' });
    // More training images asked for than the files hold: said, with the largest possible value.
    await handler.handle({ type: 'start', runs: experimentRuns({ ...DEFAULT_EXPERIMENT_PANEL, size: 5000 }), dataset: 'own' });
    expect(h.out.at(-1)).toEqual({ type: 'error', message: 'your training set has 200 images: set “Training images” to 200 or fewer' });
  });
});

describe('a start on own data never trains on Fashion-MNIST instead', () => {
  const fashion: FilesLoader = async () => fashionFiles();

  it('with Fashion-MNIST loaded and no own files (a reloaded link), start own is refused with the reason', async () => {
    const h = host();
    const handler = new ExperimentHandler(h.host, fashion);
    await handler.handle({ type: 'load', baseUrl: '/' });
    expect(h.out.map((r) => r.type)).toEqual(['loaded']);
    await handler.handle({ type: 'start', runs: ownRuns, dataset: 'own' });
    await h.drain();
    expect(h.out.slice(1)).toEqual([{ type: 'error', message: 'your own IDX files are not loaded in this page (a link cannot carry files): load the four files again' }]);
  });
});
