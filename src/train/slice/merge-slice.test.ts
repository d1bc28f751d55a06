import { describe, expect, it } from 'vitest';
import { computeSlice, computeSliceNow, sliceCells, type SliceResult, type SliceSettings } from './compute-slice.ts';
import { mergeSliceParts, splitCells } from './merge-slice.ts';
import { testSnapshot } from './test-snapshot.ts';

const plane: SliceSettings = { dims: 2, axis: 'random', points: 7, span: 1, samples: 3, rho: 0.05, seed: 3 };
const line: SliceSettings = { dims: 1, axis: 'variance', points: 11, span: 2, samples: 3, rho: 0.05, seed: 4 };

function inParts(settings: SliceSettings, parts: number): SliceResult[] {
  const s = testSnapshot(true);
  return splitCells(sliceCells(settings), parts).map((range) => computeSliceNow(s, settings, range));
}

describe('slices in parts', () => {
  it('splits cells into balanced contiguous ranges that tile the grid', () => {
    expect(splitCells(1681, 2)).toEqual([
      { from: 0, to: 840 },
      { from: 840, to: 1681 },
    ]);
    for (const [cells, parts] of [[10, 3], [7, 7], [101, 2], [3, 5], [5, 1]]) {
      const ranges = splitCells(cells, parts);
      expect(ranges.length).toBe(Math.min(cells, parts));
      expect(ranges[0].from).toBe(0);
      expect(ranges[ranges.length - 1].to).toBe(cells);
      ranges.slice(1).forEach((r, k) => expect(r.from).toBe(ranges[k].to));
      const sizes = ranges.map((r) => r.to - r.from);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(() => splitCells(0, 2)).toThrow(/positive integer/);
  });

  for (const [name, settings] of [['2-D', plane], ['1-D', line]] as const) {
    it(`merging 2 or 3 parts of a ${name} slice gives exactly the whole slice`, () => {
      const whole = computeSliceNow(testSnapshot(true), settings);
      expect(whole.range).toEqual({ from: 0, to: sliceCells(settings) });
      for (const parts of [2, 3]) {
        const pieces = inParts(settings, parts);
        pieces.forEach((p) => expect(p.loss.length).toBe(p.range.to - p.range.from));
        // Any arrival order.
        expect(mergeSliceParts([...pieces].reverse())).toEqual(whole);
      }
    });
  }

  it('rejects parts with a gap, an overlap, a short end or from another slice', () => {
    const [a, b, c] = inParts(plane, 3);
    expect(() => mergeSliceParts([a, c])).toThrow(/uncovered/);
    expect(() => mergeSliceParts([a, b, b, c])).toThrow(/overlap/);
    expect(() => mergeSliceParts([a, b])).toThrow(/cover cells \[0, \d+\) of the grid's 49/);
    expect(() => mergeSliceParts([])).toThrow(/no parts/);
    expect(() => mergeSliceParts([a, b, { ...c, expected: null }])).toThrow(/different slice/);
    expect(() => mergeSliceParts([a, b, { ...c, loss: c.loss.subarray(1) }])).toThrow(/does not hold/);
  });

  it('a part yields the fraction of its own range, about once per row, and rejects a range off the grid', () => {
    const it = computeSlice(testSnapshot(false), plane, { from: 10, to: 30 });
    const fractions: number[] = [];
    for (let next = it.next(); !next.done; next = it.next()) fractions.push(next.value);
    expect(fractions).toEqual([7 / 20, 14 / 20, 1]);
    for (const range of [{ from: 0, to: 50 }, { from: 5, to: 5 }, { from: -1, to: 3 }, { from: 0.5, to: 3 }]) {
      expect(() => computeSliceNow(testSnapshot(false), plane, range)).toThrow(/cell range/);
    }
  });
});
