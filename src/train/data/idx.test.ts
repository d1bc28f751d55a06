import { describe, expect, it } from 'vitest';
import { checkPair, IdxError, parseIdxImages, parseIdxLabels } from './idx.ts';
import { idxBytes, images, labels } from './testing/idx-bytes.ts';

function problem(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(IdxError);
    return (e as Error).message;
  }
  throw new Error('expected an IdxError');
}

describe('IDX parser', () => {
  it('reads images (big-endian dims, row-major bytes) and labels', () => {
    const img = parseIdxImages(images(2, 2, 3, (i) => 10 * i));
    expect([img.count, img.rows, img.cols]).toEqual([2, 2, 3]);
    expect(Array.from(img.pixels)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    const lab = parseIdxLabels(labels([3, 0, 9]));
    expect(lab.count).toBe(3);
    expect(Array.from(lab.labels)).toEqual([3, 0, 9]);
  });

  it('big dimensions are read as unsigned big-endian u32 (300 = 0x0000012c)', () => {
    const img = parseIdxImages(images(1, 300, 1));
    expect(img.rows).toBe(300);
  });

  it('wrong magic number', () => {
    expect(problem(() => parseIdxImages(idxBytes(0x12345678, [1, 1, 1], [0]), 'a.idx'))).toBe(
      'a.idx: wrong magic number 0x12345678: expected 0x00000803 for an image file (IDX, unsigned bytes)',
    );
    // A float IDX (type 0x0d) is not unsigned bytes either.
    expect(problem(() => parseIdxLabels(idxBytes(0x00000d01, [1], [0, 0, 0, 0])))).toMatch(/wrong magic number 0x00000d01: expected 0x00000801 for a label file/);
  });

  it('wrong dimensions: a label file given as images and vice versa, empty and mis-sized images', () => {
    expect(problem(() => parseIdxImages(labels([1, 2]), 'x'))).toBe('x: wrong dimensions: it is a label file (1 dimension), expected an image file (3 dimensions, magic 0x00000803)');
    expect(problem(() => parseIdxLabels(images(1, 1, 1), 'y'))).toMatch(/^y: wrong dimensions: it is an image file \(3 dimensions\), expected a label file/);
    expect(problem(() => parseIdxImages(idxBytes(0x802, [1, 1], [0])))).toMatch(/wrong dimensions: it is 2 dimensions/);
    expect(problem(() => parseIdxImages(images(0, 28, 28)))).toMatch(/wrong dimensions 0 × 28 × 28: no image data/);
    expect(problem(() => parseIdxImages(images(1, 28, 27), 'z', { rows: 28, cols: 28 }))).toBe('z: wrong dimensions: images are 28 × 27, expected 28 × 28');
  });

  it('truncated data, a truncated header, and extra bytes', () => {
    const full = images(2, 2, 2);
    expect(problem(() => parseIdxImages(full.subarray(0, full.length - 1), 'i'))).toBe('i: truncated data: the header announces 2 images of 2 × 2 (8 bytes), the file holds 7');
    expect(problem(() => parseIdxImages(full.subarray(0, 10)))).toMatch(/truncated: 10 bytes, the header alone needs 16/);
    expect(problem(() => parseIdxLabels(new Uint8Array([0, 0])))).toMatch(/truncated: 2 bytes, too short for an IDX header/);
    const long = new Uint8Array(labels([1, 2]).length + 3);
    long.set(labels([1, 2]));
    expect(problem(() => parseIdxLabels(long))).toMatch(/3 bytes more than the header announces \(2 labels\)/);
  });

  it('a file that is still gzip-compressed is named as such', () => {
    expect(problem(() => parseIdxImages(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])))).toMatch(/still gzip-compressed/);
  });

  it('pairs: different counts, a label outside 0..classes−1, classes read from the labels', () => {
    const names = { images: 'imgs', labels: 'labs' };
    const pair = (n: number, ls: number[]) => ({ images: parseIdxImages(images(n, 1, 1)), labels: parseIdxLabels(labels(ls)) });
    expect(problem(() => checkPair(pair(3, [0, 1]), names, 10))).toBe('imgs / labs: images and labels of different counts: 3 images, 2 labels');
    expect(problem(() => checkPair(pair(3, [0, 10, 2]), names, 10))).toBe('labs: label 10 (item 1) is outside 0–9');
    expect(checkPair(pair(3, [0, 9, 2]), names, 10)).toBe(10);
    // "Load your own": EMNIST letters-like labels up to 25 → 26 classes; a single class still makes 2.
    expect(checkPair(pair(2, [25, 3]), names)).toBe(26);
    expect(checkPair(pair(2, [0, 0]), names)).toBe(2);
  });
});
