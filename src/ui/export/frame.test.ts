import { describe, expect, it } from 'vitest';
import { fmt, fractionInside } from './frame.ts';

describe('fractionInside', () => {
  const clip = { left: 0, top: 0, right: 100, bottom: 20 };
  it('is 1 inside, 0 outside and the overlap in between', () => {
    expect(fractionInside({ left: 10, top: 2, right: 50, bottom: 18 }, clip)).toBe(1);
    expect(fractionInside({ left: 120, top: 2, right: 150, bottom: 18 }, clip)).toBe(0);
    expect(fractionInside({ left: 80, top: 0, right: 120, bottom: 20 }, clip)).toBe(0.5);
  });
  it('sees a line of text in a one-pixel screen-reader box as hidden', () => {
    expect(fractionInside({ left: 0, top: 0, right: 120, bottom: 16 }, { left: 0, top: 0, right: 1, bottom: 1 })).toBeLessThan(0.01);
  });
  it('is 0 for an empty box', () => {
    expect(fractionInside({ left: 5, top: 5, right: 5, bottom: 9 }, clip)).toBe(0);
  });
});

describe('fmt', () => {
  it('keeps two decimals at most', () => {
    expect(fmt(1.23456)).toBe('1.23');
    expect(fmt(-0.004)).toBe('0');
    expect(fmt(40)).toBe('40');
  });
});
