import { describe, expect, it } from 'vitest';
import { classBars, imagePixels } from './gallery-image.ts';

describe('imagePixels', () => {
  it('takes the index-th image as grey RGBA, clamping out-of-range values', () => {
    // Two 1×2 images: [0, 1] and [0.5, 2].
    const px = imagePixels(Float32Array.from([0, 1, 0.5, 2]), 1, 1, 2);
    expect(Array.from(px)).toEqual([128, 128, 128, 255, 255, 255, 255, 255]);
  });
});

describe('classBars', () => {
  it('keeps the top classes under either predictive, most probable first', () => {
    const mean = [0.1, 0.6, 0.05, 0.25];
    const bayes = [0.45, 0.3, 0.05, 0.2];
    expect(classBars(mean, bayes, 4, 0, 3).map((b) => b.label)).toEqual([1, 0, 3]);
    expect(classBars(mean, bayes, 4, 0, 2)[1]).toEqual({ label: 0, mean: 0.1, bayes: 0.45 });
    expect(classBars([0.5, 0.5], null, 2, 0)).toEqual([
      { label: 0, mean: 0.5, bayes: null },
      { label: 1, mean: 0.5, bayes: null },
    ]);
  });
});
