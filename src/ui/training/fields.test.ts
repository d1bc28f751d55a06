import { describe, expect, it } from 'vitest';
import { formatHidden, parseHidden } from './fields.ts';

describe('training field parsers', () => {
  it('parses hidden layer lists', () => {
    expect(parseHidden('32,32,32,32')).toEqual({ ok: true, value: [32, 32, 32, 32] });
    expect(parseHidden(' 8, 16 ')).toEqual({ ok: true, value: [8, 16] });
    expect(parseHidden('')).toEqual({ ok: true, value: [] });
    expect(parseHidden('8,0').ok).toBe(false);
    expect(parseHidden('8,1025').ok).toBe(false);
    expect(parseHidden('8,x').ok).toBe(false);
    expect(parseHidden('1.5').ok).toBe(false);
    expect(parseHidden('1,1,1,1,1,1,1').ok).toBe(false);
    expect(formatHidden([32, 32])).toBe('32,32');
  });
});
