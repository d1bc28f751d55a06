import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datasetFromOwnFiles } from './own-files.ts';
import { images, labels } from './testing/idx-bytes.ts';

// A tiny EMNIST-letters-like set: labels up to 25, 3 × 3 images.
const trainImg = images(5, 3, 3);
const trainLab = labels([0, 25, 3, 7, 1]);
const testImg = images(2, 3, 3);
const testLab = labels([25, 2]);

describe('load your own IDX files', () => {
  it('sorts four files in any order (gzip or not) into roles, with the classes read from the labels', async () => {
    const d = await datasetFromOwnFiles(
      [
        { name: 'letters-test-labels', bytes: testLab },
        { name: 'letters-train-images.gz', bytes: gzipSync(trainImg) },
        { name: 'letters-test-images', bytes: testImg },
        { name: 'letters-train-labels', bytes: trainLab },
      ],
      4,
    );
    expect([d.classes, d.inputDim, d.train.labels.length, d.test.labels.length]).toEqual([26, 9, 4, 2]);
    expect(Array.from(d.train.labels)).toEqual([0, 25, 3, 7]);
    expect(Array.from(d.test.labels)).toEqual([25, 2]);
  });

  it('without telling names, the larger set trains', async () => {
    const d = await datasetFromOwnFiles(
      [
        { name: 'a', bytes: testImg },
        { name: 'b', bytes: trainImg },
        { name: 'c', bytes: trainLab },
        { name: 'd', bytes: testLab },
      ],
      100,
    );
    expect([d.train.labels.length, d.test.labels.length]).toEqual([5, 2]);
  });

  it('names the file that is wrong', async () => {
    const four = (bad: Uint8Array) => [
      { name: 'train-images', bytes: trainImg },
      { name: 'train-labels', bytes: trainLab },
      { name: 'test-images', bytes: testImg },
      { name: 'notes.txt', bytes: bad },
    ];
    await expect(datasetFromOwnFiles(four(new TextEncoder().encode('hello, world')), 4)).rejects.toThrow(/^notes.txt: wrong magic number 0x68656c6c/);
    await expect(datasetFromOwnFiles(four(labels([1, 40])), 4)).rejects.toThrow('notes.txt: label 40 (item 1) is outside 0–25');
    await expect(datasetFromOwnFiles(four(labels([1, 2, 3])), 4)).rejects.toThrow('test-images / notes.txt: images and labels of different counts: 2 images, 3 labels');
    await expect(datasetFromOwnFiles(four(testLab).slice(0, 3), 4)).rejects.toThrow('files: expected 4 IDX files (training and test images and labels), got 3');
    await expect(datasetFromOwnFiles(four(images(2, 3, 3)), 4)).rejects.toThrow('files: expected 2 image files and 2 label files, got 3 and 1');
  });
});
