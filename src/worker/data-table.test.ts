import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonFiniteRuns, tableCsv, tableCsvChunks, tableJson, tableJsonChunks } from './data-table.ts';
import type { DataTable } from './data-table.ts';

const table = (a: ArrayLike<number>, b: ArrayLike<number>, precision?: 'float32'): DataTable => ({
  format: 'sam-bayes-lab/test',
  title: 'A test table',
  metadata: { sigma: 0.5, loss: 'theta^2' },
  columns: [
    { name: 'x', description: 'the grid', values: Float64Array.from(a) },
    { name: 'y', description: 'a value', values: b instanceof Float32Array ? b : Float64Array.from(b), precision },
  ],
  notes: ['y is infinite past x = 2'],
  nonFiniteMeaning: { Infinity: 'proven infinite', NaN: 'not computable' },
});

describe('nonFiniteRuns', () => {
  it('lists stretches of equal non-finite values, inclusive', () => {
    expect(nonFiniteRuns([NaN, NaN, 1, Infinity, Infinity, -Infinity, 2, NaN])).toEqual([
      { from: 0, to: 1, value: 'NaN' },
      { from: 3, to: 4, value: 'Infinity' },
      { from: 5, to: 5, value: '-Infinity' },
      { from: 7, to: 7, value: 'NaN' },
    ]);
    expect(nonFiniteRuns([1, 2])).toEqual([]);
  });
});

describe('tableCsv', () => {
  it('is a header row and one line per row, full precision, non-finite spelled out', () => {
    expect(tableCsv(table([0, 0.1, 2.5], [1 / 3, Infinity, NaN]))).toBe('x,y\n0,0.3333333333333333\n0.1,Infinity\n2.5,NaN\n');
  });
  it('writes float32 columns with float32 digits', () => {
    expect(tableCsv(table([1], Float32Array.of(-0.052), 'float32'))).toBe('x,y\n1,-0.052\n');
  });
  it('gives the same text whatever the chunk size', () => {
    const a = Float64Array.from({ length: 1000 }, (_, i) => i / 7);
    const one = [...tableCsvChunks(table(a, a), 1000)].join('');
    expect([...tableCsvChunks(table(a, a), 3)].join('')).toBe(one);
    expect(one.split('\n')).toHaveLength(1002);
  });
  it('refuses columns of different lengths', () => {
    expect(() => tableCsv(table([1, 2], [1]))).toThrow(/column y has 1 values, not 2/);
  });
});

describe('tableJson', () => {
  it('parses back to the exact values, non-finite as null with their runs, and the metadata', () => {
    const parsed = JSON.parse(tableJson(table([0, 0.1, 2.5], [1 / 3, Infinity, NaN])));
    expect(parsed.data).toEqual({ x: [0, 0.1, 2.5], y: [1 / 3, null, null] });
    expect(parsed.nonFinite).toEqual({ y: [{ from: 1, to: 1, value: 'Infinity' }, { from: 2, to: 2, value: 'NaN' }] });
    expect(parsed.metadata).toEqual({ sigma: 0.5, loss: 'theta^2' });
    expect(parsed.rows).toBe(3);
    expect(parsed.columns.map((c: { name: string }) => c.name)).toEqual(['x', 'y']);
    expect(parsed.notes).toEqual(['y is infinite past x = 2']);
    expect(parsed.format).toBe('sam-bayes-lab/test');
  });
  it('round-trips any doubles, at any chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 9 }), (xs, chunk) => {
        const text = [...tableJsonChunks(table(xs, xs), chunk)].join('');
        const parsed = JSON.parse(text) as { data: { x: (number | null)[] } };
        expect(parsed.data.x).toEqual(xs.map((x) => (Number.isFinite(x) ? (x === 0 ? 0 : x) : null)));
        expect(text).toBe(tableJson(table(xs, xs)));
      }),
    );
  });
  it('handles an empty table', () => {
    expect(JSON.parse(tableJson(table([], []))).data).toEqual({ x: [], y: [] });
    expect(tableCsv(table([], []))).toBe('x,y\n');
  });
});
