import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeColourMap, quantileInPlace, selectKth } from './colour.ts';

/** The quantile as it was computed before: a full sort. */
function sortedQuantile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return 1;
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
}

describe('selection instead of a sort', () => {
  it('selectKth puts the k-th smallest at k, smaller before and larger after (property, with many ties)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 300 }), fc.nat(), (values, seed) => {
        const a = Float64Array.from(values);
        const k = seed % a.length;
        selectKth(a, k);
        const sorted = Float64Array.from(values).sort();
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k]);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k]);
      }),
      { numRuns: 400 },
    );
  });

  it('quantileInPlace equals the sorted quantile exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, p) => {
        expect(quantileInPlace(Float64Array.from(values), p)).toBe(sortedQuantile(values, p));
      }),
      { numRuns: 400 },
    );
  });

  it('makeColourMap: range from the finite values only, 98th percentile as the top', () => {
    const values = Float64Array.from({ length: 1001 }, (_, i) => (i === 7 ? NaN : i === 8 ? Infinity : i));
    const cmap = makeColourMap(values, 'expected');
    const finite = [...values].filter(Number.isFinite);
    expect(cmap.lo).toBe(0);
    expect(cmap.hi).toBe(sortedQuantile(finite, 0.98));
    expect(cmap.clippedAbove).toBe(true);
    // Nothing finite: the range [0, 1], as before.
    expect(makeColourMap(new Float64Array([NaN]), 'gap')).toMatchObject({ lo: 0, hi: 1, constant: false });
  });
});
