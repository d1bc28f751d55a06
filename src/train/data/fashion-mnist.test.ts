import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASS_NAMES, FASHION_MNIST_FILES, FASHION_MNIST_TRAIN_SIZE, FASHION_MNIST_FOLDER, fashionMnistDataset, IDX_ROLES } from './fashion-mnist.ts';
import { FASHION_MNIST_TRAIN_SIZE as STATE_TRAIN_SIZE } from '../../state/training.ts';
import { parseIdxImages, parseIdxLabels } from './idx.ts';
import { buildImageDataset, type IdxFiles } from './image-dataset.ts';
import { images, labels } from './testing/idx-bytes.ts';

const DIR = fileURLToPath(new URL(`../../../public/${FASHION_MNIST_FOLDER}/`, import.meta.url));
const gz = Object.fromEntries(IDX_ROLES.map((role) => [role, readFileSync(DIR + FASHION_MNIST_FILES[role].name)])) as Record<keyof IdxFiles, Buffer>;
const files = Object.fromEntries(IDX_ROLES.map((role) => [role, new Uint8Array(gunzipSync(gz[role]))])) as unknown as IdxFiles;

describe('the shipped Fashion-MNIST files', () => {
  it('have the sha256 and sizes of theory.md §8', () => {
    for (const role of IDX_ROLES) {
      expect(createHash('sha256').update(gz[role]).digest('hex'), role).toBe(FASHION_MNIST_FILES[role].sha256);
      expect(gz[role].length, role).toBe(FASHION_MNIST_FILES[role].bytes);
      expect(createHash('sha256').update(files[role]).digest('hex'), role).toBe(FASHION_MNIST_FILES[role].rawSha256);
      expect(files[role].length, role).toBe(FASHION_MNIST_FILES[role].rawBytes);
    }
  });

  it('parse to 60,000 / 10,000 images of 28 × 28 with the standard first labels', () => {
    const train = parseIdxImages(files.trainImages);
    const test = parseIdxImages(files.testImages);
    expect([train.count, train.rows, train.cols]).toEqual([60_000, 28, 28]);
    // The state's bound on tr.dataset.size is the file's count.
    expect(STATE_TRAIN_SIZE).toBe(train.count);
    expect(FASHION_MNIST_TRAIN_SIZE).toBe(train.count);
    expect([test.count, test.rows, test.cols]).toEqual([10_000, 28, 28]);
    // Zalando's files: the first training images are Ankle boot, T-shirt/top, T-shirt/top, Dress, …; the first test ones Ankle boot, Pullover, Trouser, …
    expect(Array.from(parseIdxLabels(files.trainLabels).labels.subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    expect(Array.from(parseIdxLabels(files.testLabels).labels.subarray(0, 10))).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
  });

  it('build the first N training images, all 10,000 test images, pixels / 255, Int32 labels', () => {
    const d = fashionMnistDataset(files, 1000);
    expect([d.inputDim, d.classes, d.train.labels.length, d.test.labels.length]).toEqual([784, 10, 1000, 10_000]);
    expect(d.train.x).toHaveLength(784_000);
    expect(d.test.x).toHaveLength(7_840_000);
    expect(d.train.labels).toBeInstanceOf(Int32Array);
    expect(Array.from(d.train.labels.subarray(0, 4))).toEqual([9, 0, 0, 3]);
    expect(d.classNames?.[d.train.labels[0]]).toBe('Ankle boot');
    expect(d.classNames).toEqual(FASHION_MNIST_CLASS_NAMES);
    const raw = parseIdxImages(files.trainImages).pixels;
    let worst = 0;
    let max = 0;
    for (let i = 0; i < d.train.x.length; i++) {
      worst = Math.max(worst, Math.abs(d.train.x[i] - raw[i] / 255));
      max = Math.max(max, d.train.x[i]);
    }
    expect(worst).toBeLessThan(1e-7);
    expect(max).toBe(1);
    expect(fashionMnistDataset(files, 100_000).train.labels.length).toBe(60_000);
  });
});

describe('buildImageDataset', () => {
  const small: IdxFiles = { trainImages: images(4, 2, 2), trainLabels: labels([0, 2, 1, 2]), testImages: images(2, 2, 2), testLabels: labels([1, 0]) };

  it('"load your own": classes from the training labels; test labels must fit', () => {
    expect(buildImageDataset(small, { trainSize: 3 }).classes).toBe(3);
    expect(() => buildImageDataset({ ...small, testLabels: labels([1, 3]) }, { trainSize: 3 })).toThrow('test labels: label 3 (item 1) is outside 0–2');
  });

  it('names the file in each message: mis-sized test images, swapped files, Fashion-MNIST labels outside 0–9', () => {
    expect(() => buildImageDataset({ ...small, testImages: images(2, 3, 2) }, { trainSize: 3 })).toThrow('test images: wrong dimensions: images are 3 × 2, expected 2 × 2');
    expect(() => buildImageDataset({ ...small, trainImages: small.trainLabels }, { trainSize: 3 })).toThrow(/^training images: wrong dimensions: it is a label file/);
    expect(() => fashionMnistDataset({ ...files, testLabels: labels(Array.from({ length: 10_000 }, (_, i) => (i === 7 ? 12 : 1))) }, 10)).toThrow(
      't10k-labels-idx1-ubyte.gz: label 12 (item 7) is outside 0–9',
    );
    expect(() => fashionMnistDataset({ ...files, trainLabels: labels([1, 2]) }, 10)).toThrow(/60000 images, 2 labels/);
  });
});
