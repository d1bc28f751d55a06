/**
 * Image datasets for a panel or a worker: the shipped Fashion-MNIST (downloaded once, cached) and the user's
 * own IDX files, as flat arrays an engine trains on. Errors: IdxError (a file is not what it should be,
 * naming it) and DatasetLoadError (a file could not be fetched).
 */
export type { ArrayDataset, ArraySplit } from './array-dataset.ts';
export { firstRows } from './array-dataset.ts';
export { FASHION_MNIST_CLASS_NAMES, FASHION_MNIST_FILES, FASHION_MNIST_SHAPE, FASHION_MNIST_TEST_SIZE, FASHION_MNIST_TRAIN_SIZE, fashionMnistDataset } from './fashion-mnist.ts';
export { DATASET_CACHE, DatasetLoadError, loadFashionMnist, loadFashionMnistFiles } from './fetch-dataset.ts';
export type { LoadOptions, LoadProgress } from './fetch-dataset.ts';
export { IdxError } from './idx.ts';
export { buildImageDataset } from './image-dataset.ts';
export type { IdxFiles } from './image-dataset.ts';
export { datasetFromOwnFiles, identifyOwnFiles, ownDataset } from './own-files.ts';
export type { NamedBytes, OwnIdxFiles } from './own-files.ts';
