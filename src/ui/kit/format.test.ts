import { describe, expect, it } from 'vitest';
import { formatInput, formatMapValue, formatNumber, formatValue, serializeValues } from './format.ts';

describe('format', () => {
  it('spells out non-finite values', () => {
    expect(formatValue(Infinity)).toBe('+∞');
    expect(formatValue(NaN)).toBe('n/a');
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(-2)).toBe('−2');
  });
  it('labels with 4 significant digits and a true minus sign', () => {
    expect(formatNumber(-0.000123456)).toBe('−0.0001235');
    expect(formatNumber(2.5)).toBe('2.5');
  });
  it('says why a map value is missing', () => {
    expect(formatMapValue(undefined)).toBe('outside the grid');
    expect(formatMapValue(NaN)).toBe('not computable');
    expect(formatMapValue(-Infinity)).toBe('−∞');
    expect(formatMapValue(1234.5678)).toBe('1235');
  });
  it('formats inputs without float noise', () => {
    expect(formatInput(0.1 + 0.2)).toBe('0.3');
    expect(formatInput(1e-4)).toBe('0.0001');
  });
  it('serializes plotted values with 12 digits and empty non-finite entries', () => {
    expect(serializeValues([1 / 3, Infinity, NaN, 2])).toBe('0.333333333333,,,2');
  });
});
