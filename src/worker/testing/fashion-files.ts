/** The real shipped Fashion-MNIST files, read from public/ as the experiment worker would download them (tests only). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { FASHION_MNIST_FILES, FASHION_MNIST_FOLDER, IDX_ROLES } from '../../train/data/fashion-mnist.ts';
import type { IdxFiles } from '../../train/data/index.ts';
import type { FilesLoader } from '../experiment-handler.ts';

const DIR = fileURLToPath(new URL(`../../../public/${FASHION_MNIST_FOLDER}/`, import.meta.url));

let files: IdxFiles | null = null;

export function fashionFiles(): IdxFiles {
  files ??= Object.fromEntries(IDX_ROLES.map((role) => [role, new Uint8Array(gunzipSync(readFileSync(DIR + FASHION_MNIST_FILES[role].name)))])) as unknown as IdxFiles;
  return files;
}

export const fromDisk: FilesLoader = async (_base, onProgress) => {
  onProgress({ loaded: 1, total: 1, fraction: 1, file: 'all' });
  return fashionFiles();
};
