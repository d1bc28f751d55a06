import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_POINTS } from '../../state/training.ts';
import { importCsv } from './csv-import.ts';

describe('importCsv', () => {
  it('turns good rows into a custom dataset and clears the old edits', () => {
    const r = importCsv('x,y,label\n0,0,0\n1,1,1\n', 'data.csv');
    expect(r).toEqual({
      ok: true,
      dataset: { kind: 'custom', points: [{ x: 0, y: 0, label: 0 }, { x: 1, y: 1, label: 1 }], added: [], removed: [] },
      summary: 'Imported 2 points in 2 classes from data.csv.',
    });
  });

  it('names the bad line, and the file, in the message', () => {
    const r = importCsv('x,y,label\n0,0,0\n1,oops,1\n', 'bad.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("bad.csv was not imported: line 3: y must be a finite number, got 'oops'.");
  });

  it('refuses labels beyond the 6 classes the network supports and files beyond the point limit, by line', () => {
    const big = importCsv('0,0,0\n1,1,6\n', 'x.csv');
    expect(!big.ok && big.message).toMatch(/line 2: label must be a class number 0–5/);
    const rows = Array.from({ length: MAX_CUSTOM_POINTS + 1 }, (_, i) => `${i},0,${i % 2}`).join('\n');
    const many = importCsv(rows, 'x.csv');
    expect(!many.ok && many.message).toMatch(new RegExp(`line ${MAX_CUSTOM_POINTS + 1}: more than ${MAX_CUSTOM_POINTS} points`));
  });
});
