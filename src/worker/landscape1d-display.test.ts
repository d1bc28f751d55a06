import { describe, expect, it } from 'vitest';
import { envelopeIndices } from './landscape1d-display.ts';

describe('envelopeIndices', () => {
  it('keeps a short curve whole', () => {
    expect([...envelopeIndices(new Float64Array([1, 2, 3]), 4)]).toEqual([0, 1, 2]);
  });

  it('keeps each bin\'s extremes and both sides of every break, in order', () => {
    const n = 100_000;
    const v = Float64Array.from({ length: n }, (_, i) => (i >= 40_000 && i < 40_010 ? NaN : Math.sin(i / 50)));
    const keep = envelopeIndices(v, 100);
    expect(keep.length).toBeLessThanOrEqual(4 * 100 + 4);
    for (let k = 1; k < keep.length; k++) expect(keep[k]).toBeGreaterThan(keep[k - 1]);
    expect([...keep]).toContain(39_999);
    expect([...keep]).toContain(40_000);
    expect([...keep]).toContain(40_009);
    expect([...keep]).toContain(40_010);
    // Every bin of 1000 points keeps its max and min.
    for (let b = 0; b < 100; b++) {
      const slice = Array.from(v.subarray(b * 1000, (b + 1) * 1000)).filter(Number.isFinite);
      const kept = [...keep].filter((i) => i >= b * 1000 && i < (b + 1) * 1000).map((i) => v[i]).filter(Number.isFinite);
      expect(Math.max(...kept)).toBe(Math.max(...slice));
      expect(Math.min(...kept)).toBe(Math.min(...slice));
    }
  });
});
