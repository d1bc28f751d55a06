import { describe, expect, it } from 'vitest';
import { reliability } from '../../train/metrics.ts';
import { confidenceFloor, reliabilitySummary } from './reliability.ts';

describe('reliability diagram helpers', () => {
  it('the confidence axis starts at the bin holding 1/classes', () => {
    expect(confidenceFloor(2, 20)).toBe(0.5);
    expect(confidenceFloor(3, 20)).toBe(0.3);
    expect(confidenceFloor(6, 20)).toBe(0.15);
  });

  it('counts the filled bins and finds the one furthest from the diagonal', () => {
    const bins = reliability(
      [
        [0.9, 0.1],
        [0.9, 0.1],
        [0.4, 0.6],
      ],
      [0, 1, 1],
    );
    const { filled, worst } = reliabilitySummary(bins);
    expect(filled).toBe(2);
    // The 0.9 bin has accuracy ½ (gap 0.4); the 0.6 bin accuracy 1 (gap 0.4 too, found first is kept).
    expect(worst?.count).toBeGreaterThan(0);
    expect(Math.abs((worst?.accuracy ?? 0) - (worst?.confidence ?? 0))).toBeCloseTo(0.4, 6);
    expect(reliabilitySummary(reliability([], [])).worst).toBeNull();
  });
});
