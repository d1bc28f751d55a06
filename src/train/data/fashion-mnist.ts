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
  /** Size of the .gz in bytes: what the progress bar counts. */
  bytes: number;
  sha256: string;
  /**
   * The decompressed IDX file: what arrives when a server sends the .gz with `Content-Encoding: gzip` (Vite's
   * preview does) and the browser decodes it on the way.
   */
  rawBytes: number;
  rawSha256: string;
}

export const FASHION_MNIST_FILES: Readonly<Record<IdxRole, ShippedFile>> = {
  trainImages: {
    name: 'train-images-idx3-ubyte.gz',
    bytes: 26_421_856,
    sha256: 'b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7',
    rawBytes: 47_040_016,
    rawSha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
  },
  trainLabels: {
    name: 'train-labels-idx1-ubyte.gz',
    bytes: 29_491,
    sha256: '0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056',
    rawBytes: 60_008,
    rawSha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
  },
  testImages: {
    name: 't10k-images-idx3-ubyte.gz',
    bytes: 4_422_079,
    sha256: 'cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa',
    rawBytes: 7_840_016,
    rawSha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
  },
  testLabels: {
    name: 't10k-labels-idx1-ubyte.gz',
    bytes: 5_125,
    sha256: '8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05',
    rawBytes: 10_008,
    rawSha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
  },
};

export const IDX_ROLES: readonly IdxRole[] = ['trainImages', 'trainLabels', 'testImages', 'testLabels'];

/** The first `trainSize` training images and all 10,000 test images, checked to be Fashion-MNIST's shape. */
export function fashionMnistDataset(files: IdxFiles, trainSize: number): ArrayDataset {
  const names = Object.fromEntries(IDX_ROLES.map((role) => [role, FASHION_MNIST_FILES[role].name])) as Record<IdxRole, string>;
  return buildImageDataset(files, { trainSize, classes: FASHION_MNIST_CLASS_NAMES.length, shape: FASHION_MNIST_SHAPE, names, classNames: FASHION_MNIST_CLASS_NAMES });
}
