import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import { encodeStateFile } from '../../state/permalink/index.ts';
import { checkStateFile } from './state-file.ts';

describe('checkStateFile', () => {
  it('accepts what Save state writes, and a file holding only some sections (by name or alias)', () => {
    expect(checkStateFile(encodeStateFile(DEFAULT_STATE))).toEqual({ ok: true });
    expect(checkStateFile('{"training": {"epochs": 10}}')).toEqual({ ok: true });
    expect(checkStateFile('{"l1": {"sigma": 0.2}}')).toEqual({ ok: true });
  });

  it.each([
    ['x,y,label\n0,0,0\n', /not JSON/],
    ['', /not JSON/],
    ['[1, 2]', /not an object/],
    ['42', /not an object/],
    ['null', /not an object/],
    ['{}', /empty object/],
    ['{"name": "a", "items": [], "other": 1, "more": 2}', /none of the state's sections \(found name, items, other, …\)/],
  ])('refuses %j: %s', (text, reason) => {
    const r = checkStateFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
