import { describe, expect, it } from 'vitest';
import { accuracy, auroc, ece, nll, reliability } from './metrics.ts';

describe('metrics', () => {
  const probs = [
    [0.9, 0.1],
    [0.2, 0.8],
    [0.6, 0.4],
    [0.3, 0.7],
  ];
  const labels = [0, 1, 1, 0];

  it('accuracy and NLL by hand', () => {
    expect(accuracy(probs, labels)).toBe(0.5);
    expect(nll(probs, labels)).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.3)) / 4, 12);
    expect(nll([[1, 0]], [1])).toBeLessThan(30); // clipped, not Infinity
  });

  it('ECE with 20 bins by hand, and the reliability bins it comes from', () => {
    // Confidences 0.9 (right), 0.8 (right), 0.6 (wrong), 0.7 (wrong): one point per bin.
    expect(ece(probs, labels)).toBeCloseTo((0.1 + 0.2 + 0.6 + 0.7) / 4, 12);
    const bins = reliability(probs, labels);
    expect(bins).toHaveLength(20);
    expect(bins.filter((b) => b.count).map((b) => [b.lo, b.accuracy])).toEqual([
      [0.6, 0],
      [0.7, 0],
      [0.8, 1],
      [0.9, 1],
    ]);
    expect(ece([[0, 1]], [1])).toBe(0); // confidence 1 lands in the last bin
  });

  it('AUROC: perfect, reversed, ties and a hand-counted case', () => {
    expect(auroc([[0.9, 0.1], [0.1, 0.9]], [0, 1])).toBe(1);
    expect(auroc([[0.1, 0.9], [0.9, 0.1]], [0, 1])).toBe(0);
    expect(auroc([[0.5, 0.5], [0.5, 0.5]], [0, 1])).toBe(0.5);
    // Positives score 0.8, 0.4; negatives 0.1, 0.7: pairs won 2 + 1 = 3 of 4.
    expect(auroc(probs, labels)).toBe(0.75);
    expect(Number.isNaN(auroc([[0.5, 0.5]], [1]))).toBe(true);
  });

  it('a diverged run (NaN probabilities) gives NaN metrics and empty bins, not a crash (issue 11)', () => {
    const diverged = [
      [NaN, NaN],
      [0.2, 0.8],
    ];
    expect(accuracy(diverged, [0, 1])).toBeNaN();
    expect(nll(diverged, [0, 1])).toBeNaN();
    expect(ece(diverged, [0, 1])).toBeNaN();
    const bins = reliability(diverged, [0, 1]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1);
  });
});
