import { describe, expect, it } from 'vitest';
import { describeJumps, findJumps, nearestIndex } from './path-jumps.ts';

describe('findJumps', () => {
  const sigma = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5]);
  it('finds a jump between wells and ignores continuous drift and gaps', () => {
    const argmin = Float64Array.from([-1.5, -1.49, 1.38, 1.36, NaN]);
    expect(findJumps(sigma, argmin, 6)).toEqual([{ before: 0.2, after: 0.3, mBefore: -1.49, mAfter: 1.38 }]);
    expect(findJumps(sigma, Float64Array.from([0, 0.1, 0.2, 0.3, 0.4]), 6)).toEqual([]);
  });
  it('nearestIndex works on a log scale', () => {
    expect(nearestIndex(sigma, 0.14)).toBe(0);
    expect(nearestIndex(sigma, 0.15)).toBe(1);
    expect(nearestIndex(sigma, 9)).toBe(4);
  });
});

describe('describeJumps', () => {
  it('names a jump, a smooth path, and an objective with no minimiser at any σ', () => {
    const sigma = Float64Array.from([0.1, 0.2]);
    expect(describeJumps('E', [{ before: 0.1, after: 0.2, mBefore: -1.5, mAfter: 1.4 }], Float64Array.from([-1.5, 1.4]))).toBe(
      'E’s minimiser jumps from m ≈ -1.50 to m ≈ 1.40 between σ = 0.100 and 0.200.',
    );
    expect(describeJumps('E', [], sigma)).toBe('E’s minimiser moves without jumping.');
    // exp(θ²): B is +∞ at every σ, so there is no path that could "move without jumping".
    expect(describeJumps('B', [], Float64Array.from([NaN, NaN]))).toBe('B has no minimiser at any σ shown.');
    expect(describeJumps('S (SAM)', [{ before: 0.1, after: 0.12, mBefore: -1.5, mAfter: 1.4 }], Float64Array.from([-1.5, 1.4]), 'ρ')).toBe(
      'S (SAM)’s minimiser jumps from m ≈ -1.50 to m ≈ 1.40 between ρ = 0.100 and 0.120.',
    );
  });
});
