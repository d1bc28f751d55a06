import { describe, expect, it } from 'vitest';
import { chooseYDomain } from './y-range.ts';

const noRoom = { bottomRoom: 0 };

describe('chooseYDomain', () => {
  it('covers the loss with a small margin', () => {
    const [lo, hi] = chooseYDomain([0, 1, 2], [[0, 1, 2]], noRoom);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(2);
    expect(hi - lo).toBeLessThan(2.5);
  });
  it('clips a huge curve to a window around the loss instead of flattening everything', () => {
    const [lo, hi] = chooseYDomain([0, 1, 2], [[0, 1, 2], [1, 1e9, 1e300]], noRoom);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeLessThanOrEqual(4 * 1.1);
  });
  it('ignores non-finite values', () => {
    const [lo, hi] = chooseYDomain([0, NaN, 2], [[0, Infinity, 2], [NaN, NaN]], noRoom);
    expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
    expect(hi).toBeLessThan(3);
  });
  it('gives a non-empty range for a constant loss and for no finite values', () => {
    const [lo, hi] = chooseYDomain([3, 3, 3], [[3, 3, 3]]);
    expect(hi - lo).toBeGreaterThan(0);
    expect(chooseYDomain([NaN], [])).toEqual([0, 1]);
  });
  it('leaves room at the bottom for the Gaussian', () => {
    const [lo] = chooseYDomain([0, 1], [[0, 1]], { bottomRoom: 0.2 });
    expect(lo).toBeLessThan(-0.2);
  });
});

describe('chooseYDomain near the largest double', () => {
  it('1e308·θ² on [−3, 3]: a finite domain whose span does not overflow', () => {
    const theta = Array.from({ length: 601 }, (_, i) => -3 + i / 100);
    const loss = theta.map((t) => 1e308 * t * t);
    const [lo, hi] = chooseYDomain(loss, [loss]);
    expect(Number.isFinite(lo) && Number.isFinite(hi) && Number.isFinite(hi - lo)).toBe(true);
    expect(hi).toBeGreaterThan(lo);
  });
});
