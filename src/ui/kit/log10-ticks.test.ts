import { describe, expect, it } from 'vitest';
import { formatLogTick, logTicks } from './log10-ticks.ts';

describe('logTicks', () => {
  it('uses whole decades when two or more are in range', () => {
    expect(logTicks(-3.2, -0.5)).toEqual([-3, -2, -1]);
  });

  it('falls back to 1-2-5 steps within a narrow range, then to the ends', () => {
    const t = logTicks(-1.9, -1.1);
    expect(t.map((l) => Number((10 ** l).toPrecision(3)))).toEqual([0.02, 0.05]);
    expect(logTicks(-1.05, -1.0)).toEqual([-1.05, -1.0]);
  });

  it('labels compactly', () => {
    expect(formatLogTick(-2)).toBe('0.01');
    expect(formatLogTick(Math.log10(0.05))).toBe('0.05');
    expect(formatLogTick(-4)).toBe('1e-4');
    expect(formatLogTick(3)).toBe('1e3');
  });
});
