import { describe, expect, it } from 'vitest';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { boundaryLines, heat, sampleContourCount } from './boundary-picture.ts';

/** p(class 1) rises along x on a 4×4 grid, crossing 0.5 between columns 1 and 2. */
function grid(samples: Float32Array[] = [], classes = 2): DecisionGrid {
  const size = 4;
  const probs = new Float32Array(size * size * classes);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      const p = j < 2 ? 0.2 : 0.8;
      probs.set(classes === 2 ? [1 - p, p] : [1 - p, p, 0], (i * size + j) * classes);
    }
  return { size, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, classes, probs, meanProbs: null, samples };
}

describe('boundaryLines', () => {
  it('draws the 0.5 set, and one set per posterior sample, counting only the samples that cross', () => {
    const crossing = Float32Array.from({ length: 16 }, (_, k) => (k % 4 < 2 ? 0.1 : 0.9));
    const flat = new Float32Array(16).fill(0.9);
    const lines = boundaryLines(grid([crossing, flat]), 'averaged');
    expect(lines.main.length).toBeGreaterThan(0);
    expect(lines.samples).toHaveLength(2);
    expect(sampleContourCount(lines)).toBe(1);
    expect(sampleContourCount(null)).toBe(0);
  });

  it('draws no sample lines with more than two classes', () => {
    expect(boundaryLines(grid([new Float32Array(16)], 3), 'averaged').samples).toEqual([]);
  });
});

describe('heat', () => {
  it('gives RGBA pixels per cell, and the largest entropy only in the entropy view', () => {
    const probability = heat(grid(), 'probability', 'averaged');
    expect(probability.pixels).toHaveLength(4 * 16);
    expect(probability.maxEntropy).toBeNull();
    const entropy = heat(grid(), 'entropy', 'averaged');
    expect(entropy.maxEntropy).toBeCloseTo(-(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)), 6);
  });
});
