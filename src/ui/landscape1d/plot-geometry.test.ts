import { describe, expect, it } from 'vitest';
import { nearestIndex } from './plot-geometry.ts';

describe('nearestIndex', () => {
  it('on a uniform grid: the nearest point, clamped to the ends', () => {
    const theta = Float64Array.from({ length: 11 }, (_, i) => i / 10);
    expect(nearestIndex(theta, 0.34)).toBe(3);
    expect(nearestIndex(theta, 0.36)).toBe(4);
    expect(nearestIndex(theta, -5)).toBe(0);
    expect(nearestIndex(theta, 5)).toBe(10);
  });

  it('on the uneven points of a thinned landscape, against a linear scan', () => {
    const theta = Float64Array.from([-3, -2.999, -1, -0.5, -0.49, 0, 2, 2.5, 3]);
    for (let m = -3.2; m <= 3.2; m += 0.013) {
      let best = 0;
      for (let i = 1; i < theta.length; i++) if (Math.abs(theta[i] - m) < Math.abs(theta[best] - m)) best = i;
      expect(Math.abs(theta[nearestIndex(theta, m)] - m)).toBe(Math.abs(theta[best] - m));
    }
  });
});
