import { describe, expect, it } from 'vitest';
import { SWEEP_DURATION_MS, sweepFraction, sweepStart, sweepValue } from './sweep.ts';

const r = { from: 0.05, to: 2 };
const D = SWEEP_DURATION_MS.normal;

describe('σ or ρ sweep', () => {
  it('moves log-uniformly from the start to the end in the sweep duration', () => {
    expect(sweepValue(0, 0, r, D)).toEqual({ value: 0.05, finished: false });
    const mid = sweepValue(0, D / 2, r, D);
    expect(mid.value).toBeCloseTo(Math.sqrt(0.05 * 2), 2);
    expect(sweepValue(0, D, r, D)).toEqual({ value: 2, finished: true });
    expect(sweepValue(0.5, D, r, D).finished).toBe(true);
  });

  it('is monotone in time', () => {
    let prev = 0;
    for (let t = 0; t <= D; t += 97) {
      const { value } = sweepValue(0.1, t, r, D);
      expect(value).toBeGreaterThanOrEqual(prev);
      prev = value;
    }
  });

  it('at the slow pace takes three times as long: at the normal end it is a third of the way', () => {
    const slow = SWEEP_DURATION_MS.slow;
    expect(slow).toBe(3 * D);
    expect(sweepValue(0, D, r, slow).finished).toBe(false);
    expect(sweepFraction(sweepValue(0, D, r, slow).value, r)).toBeCloseTo(1 / 3, 2);
    expect(sweepValue(0, slow, r, slow)).toEqual({ value: 2, finished: true });
  });

  it('starts from the current value, or over from the beginning at the end', () => {
    expect(sweepFraction(0.05, r)).toBe(0);
    expect(sweepStart(Math.sqrt(0.1), r)).toBeCloseTo(0.5, 10);
    expect(sweepStart(2, r)).toBe(0);
    expect(sweepStart(5, r)).toBe(0);
    expect(sweepStart(0.01, r)).toBe(0);
  });
});
