import { describe, expect, it } from 'vitest';
import { formatTick } from './tick-format.ts';

describe('formatTick', () => {
  it('keeps ordinary ticks as they are, with a true minus sign', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(-1.5)).toBe('−1.5');
    expect(formatTick(0.30000000000000004)).toBe('0.3');
    expect(formatTick(25000)).toBe('25000');
  });

  it('writes very large and very small ticks as powers of ten, never more than 9 characters', () => {
    expect(formatTick(1e7)).toBe('1e7');
    expect(formatTick(-2.5e8)).toBe('−2.5e8');
    expect(formatTick(2e-4)).toBe('2e−4');
    for (const v of [1e7, 123456789, -9.87654e12, 3e-9, 1e308, -1e-300]) expect(formatTick(v).length, String(v)).toBeLessThanOrEqual(9);
  });
});
