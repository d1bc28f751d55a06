import { describe, expect, it } from 'vitest';
import { trainingSchema } from '../../state/training.ts';
import { MAX_STOP_AT, parseStopAt } from './stop-at.ts';

describe('parseStopAt', () => {
  it('empty is no stop; whole steps are accepted', () => {
    expect(parseStopAt('  ')).toEqual({ ok: true, value: null });
    expect(parseStopAt('500')).toEqual({ ok: true, value: 500 });
  });

  it('refuses fractions, signs, zero and steps beyond the schema bound', () => {
    for (const t of ['1.5', '-3', '0', '1e3', String(MAX_STOP_AT + 1)]) expect(parseStopAt(t).ok).toBe(false);
    // The field's bound is the schema's: the largest accepted value parses in the state too.
    const largest = parseStopAt(String(MAX_STOP_AT));
    expect(largest.ok && trainingSchema.shape.stopAt.safeParse(largest.value).success).toBe(true);
  });
});
