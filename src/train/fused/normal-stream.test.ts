import { describe, expect, it } from 'vitest';
import { seededNormal } from '../../math/random.ts';
import { NormalStream } from './normal-stream.ts';

describe('NormalStream', () => {
  it.each([0, 7, -3, 0x2545f491])('seed %i: draw for draw the stream of seededNormal, across odd-sized fills', (seed) => {
    const reference = seededNormal(seed);
    const stream = new NormalStream(seed);
    // Odd sizes split Box–Muller pairs between fills, so the spare must carry over.
    for (const size of [1, 2, 3, 3297, 5, 1, 16485, 4]) {
      const got = new Float64Array(size);
      stream.fill(got);
      const expected = Float64Array.from({ length: size }, () => reference());
      expect(got).toEqual(expected);
    }
    expect(stream.next()).toBe(reference());
    expect(stream.next()).toBe(reference());
  });

  it('fills a sub-range only and rounds to float32 like Float32Array.from', () => {
    const reference = seededNormal(11);
    const out = new Float32Array(10).fill(42);
    new NormalStream(11).fill(out, 2, 7);
    expect(Array.from(out.subarray(0, 2))).toEqual([42, 42]);
    expect(Array.from(out.subarray(7))).toEqual([42, 42, 42]);
    expect(out.subarray(2, 7)).toEqual(Float32Array.from({ length: 5 }, () => reference()));
  });
});
