import { describe, expect, it } from 'vitest';
import { nonFiniteNotes } from './non-finite-notes.ts';

describe('nonFiniteNotes', () => {
  it('says nothing when every cell is finite', () => {
    expect(nonFiniteNotes(Float64Array.from([0, 1, -2]), 'E')).toEqual([]);
  });

  it('counts +∞ and NaN cells apart, with their share of the grid', () => {
    const v = Float64Array.from([Infinity, Infinity, NaN, 1]);
    expect(nonFiniteNotes(v, 'B − E')).toEqual([
      'B − E is +∞ on 2 cells (50%): the loss grows too fast for that σ (hatched dark).',
      'B − E could not be computed on 1 cells (25%) (hatched light).',
    ]);
  });

  it('gives a share below one in a thousand cells to one decimal (so it never reads 0%)', () => {
    const v = new Float64Array(2000);
    v[0] = Infinity;
    expect(nonFiniteNotes(v, 'E')).toEqual(['E is +∞ on 1 cells (0.1%): the loss grows too fast for that σ (hatched dark).']);
  });

  it('does not count −∞ as +∞', () => {
    expect(nonFiniteNotes(Float64Array.from([-Infinity, 0]), 'E')).toEqual([]);
  });
});
