import { describe, expect, it } from 'vitest';
import { logStepToValue, valueToLogStep } from './log-scale.ts';

describe('log slider mapping', () => {
  const ranges = [
    { min: 0.01, max: 10, steps: 500 },
    { min: 0.001, max: 10, steps: 500 },
  ];
  it('maps the ends to min and max', () => {
    for (const r of ranges) {
      expect(logStepToValue(0, r)).toBe(r.min);
      expect(logStepToValue(r.steps, r)).toBe(r.max);
    }
  });
  it('round-trips every step, so arrow keys always move the value', () => {
    for (const r of ranges) {
      let prev = -Infinity;
      for (let s = 0; s <= r.steps; s++) {
        const v = logStepToValue(s, r);
        expect(valueToLogStep(v, r)).toBe(s);
        expect(v).toBeGreaterThan(prev);
        prev = v;
      }
    }
  });
  it('pins values outside the range, including 0, to the ends', () => {
    const r = ranges[0];
    expect(valueToLogStep(0, r)).toBe(0);
    expect(valueToLogStep(1e-9, r)).toBe(0);
    expect(valueToLogStep(1e6, r)).toBe(r.steps);
  });
});
