import { describe, expect, it } from 'vitest';
import { parabolaVertex } from './refine.ts';

describe('parabolaVertex', () => {
  it('the vertex of a concave parabola through three points', () => {
    const f = (x: number) => -2 * (x - 0.3) ** 2 + 1;
    expect(parabolaVertex(-1, f(-1), 0, f(0), 2, f(2))).toBeCloseTo(0.3, 12);
    expect(parabolaVertex(-1, 1, 0, 0, 1, 1)).toBeNull();
  });

  it('values near the largest double give null, never NaN (differences overflow to ∞ − ∞)', () => {
    const v = parabolaVertex(-0.01, -1e308 * 1e-4, 0, -0, 0.01, -1.7e308);
    expect(v === null || Number.isFinite(v)).toBe(true);
    expect(parabolaVertex(0, -1.7e308, 1, 1.7e308, 2, -1.7e308)).toBeNull();
  });
});
