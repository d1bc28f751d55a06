import { describe, expect, it } from 'vitest';
import { STD_BINS, stdHistograms } from './std-histogram.ts';

describe('stdHistograms', () => {
  it('bins log10(std) on a range shared by all layers; the extremes land in the end bins', () => {
    const h = stdHistograms([
      { layer: 'dense_0/kernel', values: Float32Array.from([1e-3, 0.0112, 0.0112, 1e-1]) },
      { layer: 'dense_0/bias', values: Float32Array.from([0.0112]) },
    ]);
    expect(h.log10From).toBeCloseTo(-3, 5);
    expect(h.log10To).toBeCloseTo(-1, 5);
    const [kernel, bias] = h.layers;
    expect(kernel.counts).toHaveLength(STD_BINS);
    expect(kernel.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(kernel.counts[0]).toBe(1);
    expect(kernel.counts[STD_BINS - 1]).toBe(1);
    // log10(0.0112) ≈ −1.95 lies in bin floor(1.05 / (2/24)) = 12 of 24.
    expect(kernel.counts[12]).toBe(2);
    expect(bias.counts[12]).toBe(1);
    expect(kernel.min).toBeCloseTo(1e-3, 8);
    expect(kernel.median).toBeCloseTo(0.0112, 6);
    expect(kernel.max).toBeCloseTo(1e-1, 8);
  });

  it('a degenerate range (all stds equal, as at step 0) is widened so every value lands in a middle bin', () => {
    const h = stdHistograms([{ layer: 'w', values: new Float32Array(10).fill(0.1) }]);
    expect(h.log10To - h.log10From).toBeCloseTo(0.1, 9);
    expect(h.layers[0].counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(h.layers[0].counts[STD_BINS / 2]).toBe(10);
  });

  it('skips zero, negative and non-finite values and reports them as not counted', () => {
    const h = stdHistograms([{ layer: 'w', values: Float32Array.from([0, -1, Number.NaN, Infinity, 0.5]) }]);
    expect(h.layers[0].total).toBe(1);
    expect(h.layers[0].counts.reduce((a, b) => a + b, 0)).toBe(1);
    const empty = stdHistograms([{ layer: 'w', values: new Float32Array(0) }]);
    expect(empty.layers[0].total).toBe(0);
    expect(Number.isNaN(empty.layers[0].median)).toBe(true);
  });
});
