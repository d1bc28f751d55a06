/**
 * Fashion-MNIST as the official train.py uses it (`--dataset fashion`, theory.md §8): 60,000 training and
 * 10,000 test images of 28 × 28, 10 classes, pixels / 255. The files ship with the app in
 * public/data/fashion-mnist/ (MIT, © Zalando SE); their sha256 is checked after every download.
 */
import type { ArrayDataset } from './array-dataset.ts';
import { buildImageDataset, type IdxFiles, type IdxRole } from './image-dataset.ts';

export const FASHION_MNIST_TRAIN_SIZE = 60_000;
export const FASHION_MNIST_TEST_SIZE = 10_000;
export const FASHION_MNIST_SHAPE = { rows: 28, cols: 28 } as const;

/** In label order (Zalando's README). */
export const FASHION_MNIST_CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/** Folder under the app's base URL (public/…) and under the repository root for the CLI. */
export const FASHION_MNIST_FOLDER = 'data/fashion-mnist';

export interface ShippedFile {
  name: string;
  /** Size of the .gz in bytes: the progress bar's total when a server sends no Content-Length. */
  bytes: number;
  sha256: string;
}

export const FASHION_MNIST_FILES: Readonly<Record<IdxRole, ShippedFile>> = {
  trainImages: { name: 'train-images-idx3-ubyte.gz', bytes: 26_421_856, sha256: 'b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7' },
  trainLabels: { name: 'train-labels-idx1-ubyte.gz', bytes: 29_491, sha256: '0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056' },
  testImages: { name: 't10k-images-idx3-ubyte.gz', bytes: 4_422_079, sha256: 'cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa' },
  testLabels: { name: 't10k-labels-idx1-ubyte.gz', bytes: 5_125, sha256: '8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05' },
};

export const IDX_ROLES: readonly IdxRole[] = ['trainImages', 'trainLabels', 'testImages', 'testLabels'];

/** The first `trainSize` training images and all 10,000 test images, checked to be Fashion-MNIST's shape. */
export function fashionMnistDataset(files: IdxFiles, trainSize: number): ArrayDataset {
  const names = Object.fromEntries(IDX_ROLES.map((role) => [role, FASHION_MNIST_FILES[role].name])) as Record<IdxRole, string>;
  return buildImageDataset(files, { trainSize, classes: FASHION_MNIST_CLASS_NAMES.length, shape: FASHION_MNIST_SHAPE, names, classNames: FASHION_MNIST_CLASS_NAMES });
}
