/**
 * The CLI reads the same Fashion-MNIST files the app ships (public/data/fashion-mnist/), decompressed with
 * zlib, through the same parser and dataset builder as the app.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { TrainingConfig } from '../state/training.ts';
import type { ArrayDataset } from '../train/data/array-dataset.ts';
import { FASHION_MNIST_FILES, FASHION_MNIST_FOLDER, IDX_ROLES } from '../train/data/fashion-mnist.ts';
import { IdxError } from '../train/data/idx.ts';
import type { IdxFiles } from '../train/data/image-dataset.ts';
import { makeImageDataset } from '../train/datasets.ts';

export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export function readFashionMnistFiles(dir = `${PUBLIC_DIR}${FASHION_MNIST_FOLDER}/`): IdxFiles {
  const out: Partial<IdxFiles> = {};
  for (const role of IDX_ROLES) {
    const path = dir + FASHION_MNIST_FILES[role].name;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new Error(`cannot read the Fashion-MNIST file ${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    try {
      out[role] = new Uint8Array(gunzipSync(bytes));
    } catch (e) {
      throw new IdxError(FASHION_MNIST_FILES[role].name, `cannot be decompressed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out as IdxFiles;
}

/** The image dataset of a config (first `size` training images, all test images). */
export function loadImageDataset(config: TrainingConfig, dir?: string): ArrayDataset {
  return makeImageDataset(config.dataset, readFashionMnistFiles(dir));
}
