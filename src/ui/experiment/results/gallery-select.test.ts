import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entropyOf, MAX_GALLERY, selectGallery, topK } from './gallery-select.ts';
import type { TestPredictions } from './run-result.ts';

const preds = (rows: number[][], bayes: number[][] | null = null): TestPredictions => ({
  optimizer: 'bsam',
  seed: 0,
  classes: rows[0].length,
  mean: Float32Array.from(rows.flat()),
  bayes: bayes && Float32Array.from(bayes.flat()),
});

describe('topK', () => {
  it('is the k largest keys, largest first, ties by lower index', () => {
    const keys = [0.5, 0.9, 0.5, NaN, 0.9, 0.1];
    expect(topK(keys.length, 3, (i) => keys[i])).toEqual([1, 4, 0]);
    expect(topK(keys.length, 0, (i) => keys[i])).toEqual([]);
    expect(topK(keys.length, 10, (i) => keys[i])).toEqual([1, 4, 0, 2, 5]);
  });

  it('agrees with a full stable sort (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (keys, k) => {
        const slow = keys.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i).slice(0, k).map((e) => e.i);
        expect(topK(keys.length, k, (i) => keys[i])).toEqual(slow);
      }),
    );
  });
});

describe('selectGallery', () => {
  // Labels all 0. Image 1 and 3 are wrong with confidence 0.9 (tie → 1 first), image 4 wrong at 0.6.
  const mean = [
    [0.7, 0.2, 0.1],
    [0.05, 0.9, 0.05],
    [0.4, 0.3, 0.3],
    [0.05, 0.05, 0.9],
    [0.3, 0.6, 0.1],
    [1, 0, 0],
  ];
  const labels = [0, 0, 0, 0, 0, 0];

  it('finds the most confident mistakes under the mean weights, ties by index', () => {
    const s = selectGallery(preds(mean), labels, 2);
    expect(s.mistakes.map((m) => m.index)).toEqual([1, 3]);
    expect(s.mistakes[0]).toMatchObject({ label: 0, predicted: 1 });
    expect(s.mistakes[0].confidence).toBeCloseTo(0.9, 6);
    expect(selectGallery(preds(mean), labels, 5).mistakes.map((m) => m.index)).toEqual([1, 3, 4]);
  });

  it('ranks uncertainty by the model average when there is one, else the mean weights', () => {
    const uniform = [1 / 3, 1 / 3, 1 / 3];
    const bayes = [[0.98, 0.01, 0.01], [0.98, 0.01, 0.01], [0.98, 0.01, 0.01], [0.98, 0.01, 0.01], [0.98, 0.01, 0.01], uniform];
    const withBayes = selectGallery(preds(mean, bayes), labels, 1);
    expect(withBayes.uncertaintyFrom).toBe('bayes');
    expect(withBayes.uncertain.map((u) => u.index)).toEqual([5]);
    expect(withBayes.uncertain[0].entropy).toBeCloseTo(Math.log(3), 6);
    const meanOnly = selectGallery(preds(mean), labels, 2);
    expect(meanOnly.uncertaintyFrom).toBe('mean');
    expect(meanOnly.uncertain.map((u) => u.index)).toEqual([2, 4]); // (0.4, 0.3, 0.3) is the flattest, then (0.3, 0.6, 0.1)
  });

  it('skips non-finite rows, caps k at MAX_GALLERY and rejects mismatched sizes', () => {
    const bad = [...mean, [NaN, 0.5, 0.5]];
    const s = selectGallery(preds(bad), [...labels, 1], 20);
    expect(s.mistakes.map((m) => m.index)).not.toContain(6);
    expect(s.uncertain.map((m) => m.index)).not.toContain(6);
    expect(s.uncertain).toHaveLength(6);
    const many = Array.from({ length: 30 }, () => [0.2, 0.8]);
    expect(selectGallery(preds(many), new Array(30).fill(0), 99).mistakes).toHaveLength(MAX_GALLERY);
    expect(() => selectGallery(preds(mean), [0, 0], 2)).toThrow(/6 images|2 images/);
  });

  it('entropy: 0 for a one-hot row, log C for a uniform one', () => {
    expect(entropyOf([0, 1, 0], 3, 0)).toBe(0);
    expect(entropyOf([0.25, 0.25, 0.25, 0.25], 4, 0)).toBeCloseTo(Math.log(4), 15);
  });
});
