import { describe, expect, it } from 'vitest';
import { formatInput, formatValue, serializeValues } from './format.ts';

describe('format', () => {
  it('spells out non-finite values', () => {
    expect(formatValue(Infinity)).toBe('+∞');
    expect(formatValue(NaN)).toBe('n/a');
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(-2)).toBe('−2');
  });
  it('formats inputs without float noise', () => {
    expect(formatInput(0.1 + 0.2)).toBe('0.3');
    expect(formatInput(1e-4)).toBe('0.0001');
  });
  it('serializes plotted values with 12 digits and empty non-finite entries', () => {
    expect(serializeValues([1 / 3, Infinity, NaN, 2])).toBe('0.333333333333,,,2');
  });
});
