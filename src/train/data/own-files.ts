/**
 * "Load your own IDX files": any MNIST-format set (MNIST, KMNIST, EMNIST letters…) dropped on the page or
 * picked, as four files in any order, gzip-compressed or not. Which file is which is read from the files
 * themselves — images or labels from the magic number, training or test from the name (train / t10k, test)
 * or else from the counts (the larger set trains) — and the classes from the labels.
 */
import type { ArrayDataset } from './array-dataset.ts';
import { gunzip } from './fetch-dataset.ts';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, IdxError, isGzip } from './idx.ts';
import { buildImageDataset, type IdxFiles, type IdxRole } from './image-dataset.ts';

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

interface Sorted {
  name: string;
  bytes: Uint8Array;
  count: number;
  split: 'train' | 'test' | null;
}

const magicOf = (b: Uint8Array) => (b.length >= 8 ? new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0, false) : -1);
const countOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(4, false);

function splitOfName(name: string): 'train' | 'test' | null {
  const n = name.toLowerCase();
  if (/train/.test(n)) return 'train';
  if (/t10k|test/.test(n)) return 'test';
  return null;
}

/** Which of a pair trains: by name when the names say, else the larger count. */
function order(pair: Sorted[], what: string): [Sorted, Sorted] {
  const [a, b] = pair;
  if (a.split && b.split && a.split !== b.split) return a.split === 'train' ? [a, b] : [b, a];
  if (a.count === b.count) throw new IdxError(`${a.name} / ${b.name}`, `cannot tell the training ${what} from the test ${what}: name them train… and t10k… (or test…)`);
  return a.count > b.count ? [a, b] : [b, a];
}

/** The four files sorted into their roles, decompressed, with the names they came with (for messages). */
export interface OwnIdxFiles {
  files: IdxFiles;
  names: Record<IdxRole, string>;
}

/**
 * Four dropped files → which is which (decompressed, not yet parsed), or an IdxError naming the file. Kept apart
 * from building the dataset so a worker sorts the files once and builds a table for each training-set size.
 */
export async function identifyOwnFiles(files: readonly NamedBytes[]): Promise<OwnIdxFiles> {
  if (files.length !== 4) throw new IdxError('files', `expected 4 IDX files (training and test images and labels), got ${files.length}`);
  const images: Sorted[] = [];
  const labels: Sorted[] = [];
  for (const f of files) {
    let bytes = f.bytes;
    if (isGzip(bytes)) {
      try {
        bytes = await gunzip(bytes);
      } catch (e) {
        throw new IdxError(f.name, `cannot be decompressed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const magic = magicOf(bytes);
    const entry = { name: f.name, bytes, count: magic < 0 ? 0 : countOf(bytes), split: splitOfName(f.name) };
    if (magic === IDX_IMAGES_MAGIC) images.push(entry);
    else if (magic === IDX_LABELS_MAGIC) labels.push(entry);
    else if (bytes.length < 8) throw new IdxError(f.name, `truncated: ${bytes.length} bytes, too short for an IDX file`);
    else throw new IdxError(f.name, `wrong magic number 0x${magic.toString(16).padStart(8, '0')}: expected 0x00000803 (images) or 0x00000801 (labels)`);
  }
  if (images.length !== 2 || labels.length !== 2) throw new IdxError('files', `expected 2 image files and 2 label files, got ${images.length} and ${labels.length}`);
  const [trainImages, testImages] = order(images, 'images');
  const [trainLabels, testLabels] = order(labels, 'labels');
  const picked: Record<IdxRole, Sorted> = { trainImages, trainLabels, testImages, testLabels };
  const bytes = Object.fromEntries(Object.entries(picked).map(([role, s]) => [role, s.bytes])) as unknown as IdxFiles;
  const names = Object.fromEntries(Object.entries(picked).map(([role, s]) => [role, s.name])) as Record<IdxRole, string>;
  return { files: bytes, names };
}

/** The dataset of sorted own files: the first `trainSize` training images, the classes read from the labels. */
export function ownDataset(own: OwnIdxFiles, trainSize: number): ArrayDataset {
  return buildImageDataset(own.files, { trainSize, names: own.names });
}

/** Four dropped files → the dataset (the first `trainSize` training images), or an IdxError naming the file. */
export async function datasetFromOwnFiles(files: readonly NamedBytes[], trainSize: number): Promise<ArrayDataset> {
  return ownDataset(await identifyOwnFiles(files), trainSize);
}
