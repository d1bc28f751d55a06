import { describe, expect, it } from 'vitest';
import type { OwnDataSummary } from '../../worker/experiment-own-data-protocol.ts';
import { INITIAL_OWN_DATA, ownDataNotes, ownDataText, reduceOwnData } from './own-data-view.ts';

const MNIST: OwnDataSummary = {
  name: 'train-images-idx3-ubyte.gz',
  files: { trainImages: 'train-images-idx3-ubyte.gz', trainLabels: 'train-labels-idx1-ubyte.gz', testImages: 't10k-images-idx3-ubyte.gz', testLabels: 't10k-labels-idx1-ubyte.gz' },
  trainImages: 60_000,
  testImages: 10_000,
  rows: 28,
  cols: 28,
  classes: 10,
  unusedClasses: [],
};
const LETTERS: OwnDataSummary = { ...MNIST, name: 'emnist-letters-train-images-idx3-ubyte', trainImages: 124_800, testImages: 20_800, classes: 27, unusedClasses: [0] };
const test = { x: new Float32Array(0), labels: new Int32Array(0), rows: 28, cols: 28, classNames: [] };

describe('the panel’s view of the user’s own files', () => {
  it('says exactly what was loaded', () => {
    expect(ownDataText(MNIST)).toBe('60,000 train / 10,000 test images, 28×28, 10 classes');
    expect(ownDataText(LETTERS)).toBe('124,800 train / 20,800 test images, 28×28, 27 classes');
  });

  it('notes an unused class (labels from 1) and a training set larger than the state can ask for', () => {
    expect(ownDataNotes(MNIST, 60_000)).toEqual([]);
    const notes = ownDataNotes(LETTERS, 60_000);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^The number of classes is the largest training label \+ 1; class 0 has no training image/);
    expect(notes[1]).toBe('At most the first 60,000 training images can train here.');
    expect(ownDataNotes({ ...MNIST, unusedClasses: [0, 1, 2, 3, 4, 5, 6] }, 60_000)[0]).toContain('classes 0, 1, 2, 3, 4 and 2 more have no training image');
  });

  it('a bad set keeps the accepted one and shows its message', () => {
    const loaded = reduceOwnData({ ...INITIAL_OWN_DATA, reading: true }, { type: 'own-loaded', summary: MNIST, test });
    expect(loaded).toEqual({ loaded: { summary: MNIST, test }, reading: false, error: null });
    const bad = reduceOwnData({ ...loaded, reading: true }, { type: 'own-error', message: 'notes.txt: wrong magic number 0x6e6f7420' });
    expect(bad).toEqual({ loaded: { summary: MNIST, test }, reading: false, error: 'notes.txt: wrong magic number 0x6e6f7420' });
  });
});
