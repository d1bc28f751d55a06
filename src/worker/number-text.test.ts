import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, float32Text, float64Text, jsonCell } from './number-text.ts';

describe('float64Text', () => {
  it('reads back to the same double, with no extra digits', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(float64Text(x))).toBe(x === 0 ? 0 : x);
      }),
    );
    expect(float64Text(0.1)).toBe('0.1');
    expect(float64Text(-2.5e-300)).toBe('-2.5e-300');
  });
});

describe('float32Text', () => {
  it('writes a float32 with the fewest digits that read back to it', () => {
    expect(float32Text(Math.fround(-0.052))).toBe('-0.052');
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(Math.fround(1 / 3))).toBe('0.33333334');
    expect(float32Text(Math.fround(16777217))).toBe('16777216');
  });
  it('round-trips every float32 and is never longer than the float64 spelling', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = float32Text(x);
        expect(Math.fround(Number(s))).toBe(x === 0 ? 0 : x);
        expect(s.length).toBeLessThanOrEqual(String(x).length);
      }),
    );
  });
});

describe('csvCell and jsonCell', () => {
  it('spell the non-finite values so tools read them back, and JSON as null', () => {
    expect([Infinity, -Infinity, NaN].map((x) => csvCell(x))).toEqual(['Infinity', '-Infinity', 'NaN']);
    expect([Infinity, -Infinity, NaN].map((x) => jsonCell(x))).toEqual(['null', 'null', 'null']);
    expect(JSON.parse(`[${jsonCell(1e21)},${jsonCell(-5e-324)}]`)).toEqual([1e21, -5e-324]);
    expect(csvCell(Math.fround(0.3), 'float32')).toBe('0.3');
    expect(csvCell(Math.fround(0.3))).toBe('0.30000001192092896');
  });
});
