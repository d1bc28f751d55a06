/**
 * IDX files → an ArrayDataset: the first N training images in file order (the state's `tr.dataset.size`),
 * all the test images, pixels / 255, Int32 labels. Pure (bytes in, arrays out), shared by the browser
 * loader and the CLI.
 */
import type { ArrayDataset, ArraySplit } from './array-dataset.ts';
import { checkPair, IdxError, parseIdxImages, parseIdxLabels, type IdxImages, type IdxLabels } from './idx.ts';

/** The four files of an MNIST-style dataset, decompressed. */
export interface IdxFiles {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

export type IdxRole = keyof IdxFiles;

export interface ImageDatasetOptions {
  /** How many training images to keep: the first N in file order (all when larger). */
  trainSize: number;
  /** The number of classes; omitted ("load your own"): read from the labels (largest + 1). */
  classes?: number;
  /** What every image must measure (Fashion-MNIST: 28 × 28); omitted: whatever the training images measure. */
  shape?: { rows: number; cols: number };
  /** How the files are named in messages. */
  names?: Partial<Record<IdxRole, string>>;
  classNames?: readonly string[];
}

const DEFAULT_NAMES: Record<IdxRole, string> = {
  trainImages: 'training images',
  trainLabels: 'training labels',
  testImages: 'test images',
  testLabels: 'test labels',
};

function toSplit(images: IdxImages, labels: IdxLabels, count: number): ArraySplit {
  const size = images.rows * images.cols;
  const n = Math.min(count, images.count);
  const x = new Float32Array(n * size);
  const pixels = images.pixels;
  // Multiply by the float32 of 1/255 rather than divide: same result to 1 ulp, several times faster.
  const scale = 1 / 255;
  for (let i = 0; i < n * size; i++) x[i] = pixels[i] * scale;
  return { x, labels: Int32Array.from(labels.labels.subarray(0, n)) };
}

export function buildImageDataset(files: IdxFiles, options: ImageDatasetOptions): ArrayDataset {
  const names = { ...DEFAULT_NAMES, ...options.names };
  if (!(Number.isInteger(options.trainSize) && options.trainSize >= 1)) throw new RangeError(`training-set size must be a whole number ≥ 1, not ${options.trainSize}`);
  const trainImages = parseIdxImages(files.trainImages, names.trainImages, options.shape);
  const shape = { rows: trainImages.rows, cols: trainImages.cols };
  const testImages = parseIdxImages(files.testImages, names.testImages, shape);
  const trainLabels = parseIdxLabels(files.trainLabels, names.trainLabels);
  const testLabels = parseIdxLabels(files.testLabels, names.testLabels);
  const train = { images: trainImages, labels: trainLabels };
  const test = { images: testImages, labels: testLabels };
  const given = options.classes;
  // Without a class count, the training labels decide it and the test labels must fit in it.
  const classes = checkPair(train, { images: names.trainImages, labels: names.trainLabels }, given);
  checkPair(test, { images: names.testImages, labels: names.testLabels }, classes);
  if (given === undefined && options.classNames && options.classNames.length !== classes) {
    throw new IdxError(names.trainLabels, `${classes} classes in the labels, ${options.classNames.length} class names`);
  }
  return {
    inputDim: shape.rows * shape.cols,
    classes,
    train: toSplit(trainImages, trainLabels, options.trainSize),
    test: toSplit(testImages, testLabels, testImages.count),
    image: shape,
    ...(options.classNames ? { classNames: options.classNames } : {}),
  };
}
