/**
 * The IDX format of MNIST-style datasets (Fashion-MNIST, MNIST, KMNIST, EMNIST…), one parser for the app and
 * the CLI. A file is a big-endian header — magic 0x00000803 (unsigned bytes, 3 dimensions: images × rows ×
 * columns) or 0x00000801 (unsigned bytes, 1 dimension: labels) — then each dimension as a big-endian u32,
 * then the bytes. Every way a file can be wrong gets an IdxError naming the file and the problem, because a
 * user who drops the wrong file on the page must be told which one and why.
 */

export class IdxError extends Error {
  constructor(
    /** The file (or role, e.g. "training images") the problem is in. */
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'IdxError';
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, image after image, row-major. */
  pixels: Uint8Array;
}

export interface IdxLabels {
  count: number;
  labels: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;
export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;
const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

/** True for gzip data (magic 1f 8b): loaders decompress it first, whatever the server did with the .gz. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Checks the magic and reads the dimensions; returns the offset of the data. */
function readHeader(bytes: Uint8Array, file: string, dims: 1 | 3): { sizes: number[]; offset: number } {
  const what = dims === 3 ? 'an image file' : 'a label file';
  const expected = dims === 3 ? IDX_IMAGES_MAGIC : IDX_LABELS_MAGIC;
  if (bytes.length < 4) throw new IdxError(file, `truncated: ${bytes.length} bytes, too short for an IDX header`);
  if (isGzip(bytes)) throw new IdxError(file, 'is still gzip-compressed; decompress it first (gunzip)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== UNSIGNED_BYTE) {
    throw new IdxError(file, `wrong magic number ${hex(magic)}: expected ${hex(expected)} for ${what} (IDX, unsigned bytes)`);
  }
  if (bytes[3] !== dims) {
    const is = bytes[3] === 3 ? 'an image file (3 dimensions)' : bytes[3] === 1 ? 'a label file (1 dimension)' : `${bytes[3]} dimensions`;
    throw new IdxError(file, `wrong dimensions: it is ${is}, expected ${what} (${dims} dimension${dims > 1 ? 's' : ''}, magic ${hex(expected)})`);
  }
  const offset = 4 + 4 * dims;
  if (bytes.length < offset) throw new IdxError(file, `truncated: ${bytes.length} bytes, the header alone needs ${offset}`);
  const sizes = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i, false));
  return { sizes, offset };
}

function checkLength(bytes: Uint8Array, file: string, offset: number, need: number, describe: string): void {
  const have = bytes.length - offset;
  if (have < need) throw new IdxError(file, `truncated data: the header announces ${describe} (${need} bytes), the file holds ${have}`);
  if (have > need) throw new IdxError(file, `${have - need} bytes more than the header announces (${describe}): not a valid IDX file`);
}

/**
 * An image file (magic 0x00000803). `shape`, when given (28 × 28 for Fashion-MNIST), is what the images
 * must measure.
 */
export function parseIdxImages(bytes: Uint8Array, file = 'images', shape?: { rows: number; cols: number }): IdxImages {
  const { sizes, offset } = readHeader(bytes, file, 3);
  const [count, rows, cols] = sizes;
  if (count === 0 || rows === 0 || cols === 0) throw new IdxError(file, `wrong dimensions ${count} × ${rows} × ${cols}: no image data`);
  if (shape && (rows !== shape.rows || cols !== shape.cols)) {
    throw new IdxError(file, `wrong dimensions: images are ${rows} × ${cols}, expected ${shape.rows} × ${shape.cols}`);
  }
  const need = count * rows * cols;
  checkLength(bytes, file, offset, need, `${count} images of ${rows} × ${cols}`);
  return { count, rows, cols, pixels: bytes.subarray(offset, offset + need) };
}

/** A label file (magic 0x00000801). */
export function parseIdxLabels(bytes: Uint8Array, file = 'labels'): IdxLabels {
  const { sizes, offset } = readHeader(bytes, file, 1);
  const [count] = sizes;
  if (count === 0) throw new IdxError(file, 'wrong dimensions: 0 labels');
  checkLength(bytes, file, offset, count, `${count} labels`);
  return { count, labels: bytes.subarray(offset, offset + count) };
}

/** Images and labels that belong together, checked against each other. */
export interface LabelledImages {
  images: IdxImages;
  labels: IdxLabels;
}

/**
 * Checks a pair: the same number of images and labels, and every label in 0 … classes − 1. `classes`
 * omitted ("load your own"): read from the labels as the largest + 1 (at least 2). Returns the classes.
 */
export function checkPair(pair: LabelledImages, names: { images: string; labels: string }, classes?: number): number {
  const { images, labels } = pair;
  if (images.count !== labels.count) {
    throw new IdxError(`${names.images} / ${names.labels}`, `images and labels of different counts: ${images.count} images, ${labels.count} labels`);
  }
  let max = 0;
  for (let i = 0; i < labels.count; i++) if (labels.labels[i] > max) max = labels.labels[i];
  if (classes === undefined) return Math.max(2, max + 1);
  if (max >= classes) {
    const at = labels.labels.findIndex((l) => l >= classes);
    throw new IdxError(names.labels, `label ${labels.labels[at]} (item ${at}) is outside 0–${classes - 1}`);
  }
  return classes;
}
