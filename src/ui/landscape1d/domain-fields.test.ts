import { describe, expect, it } from 'vitest';
import { parseFrom, parsePoints, parseTo } from './domain-fields.ts';

describe('1-D domain fields', () => {
  it('take a number on the right side of the other end', () => {
    expect(parseFrom('-10', 3)).toEqual({ ok: true, value: -10 });
    expect(parseTo('1e3', -3)).toEqual({ ok: true, value: 1000 });
    expect(parseFrom('3', 3)).toEqual({ ok: false, message: 'from must be less than to (3).' });
    expect(parseTo('-4', -3)).toEqual({ ok: false, message: 'to must be greater than from (-3).' });
    expect(parseFrom('abc', 3).ok).toBe(false);
    expect(parseTo('', 0).ok).toBe(false);
  });

  it('take whole grid sizes within the schema bounds (2 … 1,000,000)', () => {
    expect(parsePoints('2001')).toEqual({ ok: true, value: 2001 });
    expect(parsePoints('1000000')).toEqual({ ok: true, value: 1_000_000 });
    expect(parsePoints('1')).toMatchObject({ ok: false });
    expect(parsePoints('1000001')).toMatchObject({ ok: false });
    expect(parsePoints('2.5')).toEqual({ ok: false, message: 'grid points must be a whole number.' });
  });
});
