import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from './share-unchanged.ts';

describe('shareUnchanged', () => {
  it('keeps the unchanged parts of the previous value, and only those', () => {
    const prev = { a: { x: 1, list: [1, 2, { k: 'v' }] }, b: { y: [3] }, c: 5 };
    const next = { a: { x: 1, list: [1, 2, { k: 'v' }] }, b: { y: [4] }, c: 5 };
    const out = shareUnchanged(prev, next);
    expect(out).toEqual(next);
    expect(out).not.toBe(prev);
    expect(out.a).toBe(prev.a);
    expect(out.b).not.toBe(prev.b);
    expect(shareUnchanged(prev, structuredClone(prev))).toBe(prev);
  });

  it('sees added and removed keys, array lengths and non-plain objects', () => {
    expect(shareUnchanged<Record<string, number>>({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(shareUnchanged<Record<string, number | undefined>>({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(shareUnchanged([1, 2, 3], [1, 2])).toEqual([1, 2]);
    const d = new Date(0);
    expect(shareUnchanged({ d }, { d: new Date(0) }).d).not.toBe(d);
    expect(shareUnchanged({ v: NaN }, { v: NaN })).toEqual({ v: NaN });
  });

  it('always equals next (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(shareUnchanged(a, b)).toEqual(b);
        expect(shareUnchanged(a, structuredClone(a))).toBe(a);
      }),
      { numRuns: 300 },
    );
  });
});
