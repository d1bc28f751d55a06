import { describe, expect, it } from 'vitest';
import { parseSamples, parseSeed, parseSpan } from './slice-fields.ts';

describe('slice fields, checked on commit', () => {
  it('take what was typed whole: "0.5" is 0.5 and "32" is 32, never clamped', () => {
    expect(parseSpan('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseSamples('32')).toEqual({ ok: true, value: 32 });
    expect(parseSeed('−7')).toEqual({ ok: true, value: -7 });
  });

  it('refuse out-of-range, fractional and non-numbers with a message instead of changing them', () => {
    expect(parseSpan('0')).toEqual({ ok: false, message: 'Span must be from 0.05 to 20.' });
    expect(parseSpan('25')).toMatchObject({ ok: false });
    expect(parseSamples('3.5')).toEqual({ ok: false, message: 'Posterior samples must be a whole number.' });
    expect(parseSamples('65')).toMatchObject({ ok: false });
    expect(parseSeed('abc')).toEqual({ ok: false, message: '“abc” is not a number.' });
    expect(parseSpan(' ')).toEqual({ ok: false, message: 'Enter a number for Span.' });
  });
});
