import { describe, expect, it } from 'vitest';
import { SWEEP_DURATION_MS, sweepFraction, sweepSigma, sweepStart } from './sweep.ts';

const r = { from: 0.05, to: 2 };

describe('σ sweep', () => {
  it('moves log-uniformly from the start to the end in the sweep duration', () => {
    expect(sweepSigma(0, 0, r)).toEqual({ sigma: 0.05, finished: false });
    const mid = sweepSigma(0, SWEEP_DURATION_MS / 2, r);
    expect(mid.sigma).toBeCloseTo(Math.sqrt(0.05 * 2), 2);
    expect(sweepSigma(0, SWEEP_DURATION_MS, r)).toEqual({ sigma: 2, finished: true });
    expect(sweepSigma(0.5, SWEEP_DURATION_MS, r).finished).toBe(true);
  });

  it('is monotone in time', () => {
    let prev = 0;
    for (let t = 0; t <= SWEEP_DURATION_MS; t += 97) {
      const { sigma } = sweepSigma(0.1, t, r);
      expect(sigma).toBeGreaterThanOrEqual(prev);
      prev = sigma;
    }
  });

  it('starts from the current σ, or over from the beginning at the end', () => {
    expect(sweepFraction(0.05, r)).toBe(0);
    expect(sweepStart(Math.sqrt(0.1), r)).toBeCloseTo(0.5, 10);
    expect(sweepStart(2, r)).toBe(0);
    expect(sweepStart(5, r)).toBe(0);
    expect(sweepStart(0.01, r)).toBe(0);
  });
});
