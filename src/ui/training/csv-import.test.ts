import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_POINTS, OFFICIAL_BSAM_DEMO, trainingSchema } from '../../state/training.ts';
import { importCsv } from './csv-import.ts';

const current = OFFICIAL_BSAM_DEMO;

describe('importCsv', () => {
  it('turns good rows into a custom dataset and clears the old edits', () => {
    const r = importCsv('x,y,label\n0,0,0\n1,1,1\n', 'data.csv', current);
    expect(r).toEqual({
      ok: true,
      dataset: { kind: 'custom', points: [{ x: 0, y: 0, label: 0 }, { x: 1, y: 1, label: 1 }], added: [], removed: [] },
      summary: 'Imported 2 points with labels 0 and 1 from data.csv.',
      warning: null,
    });
  });

  it('names the bad line, and the file, in the message', () => {
    const r = importCsv('x,y,label\n0,0,0\n1,oops,1\n', 'bad.csv', current);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe("bad.csv was not imported: line 3: y must be a finite number, got 'oops'.");
  });

  it('refuses labels beyond the 6 classes the network supports and files beyond the point limit, by line', () => {
    const big = importCsv('0,0,0\n1,1,6\n', 'x.csv', current);
    expect(!big.ok && big.message).toMatch(/line 2: label must be a class number 0–5/);
    const rows = Array.from({ length: MAX_CUSTOM_POINTS + 1 }, (_, i) => `${i},0,${i % 2}`).join('\n');
    const many = importCsv(rows, 'x.csv', current);
    expect(!many.ok && many.message).toMatch(new RegExp(`line ${MAX_CUSTOM_POINTS + 1}: more than ${MAX_CUSTOM_POINTS} points`));
  });

  it('refuses a coordinate the state cannot hold (it said "Imported 3 points" and kept the old data), naming the line and the bound', () => {
    const r = importCsv('x,y,label\n0,0,0\n# a comment\n1e300,1,1\n2,2,1\n', 'far.csv', current);
    expect(r).toEqual({
      ok: false,
      message: "far.csv was not imported: line 4: x must be between -1000000 and 1000000 (the lab's bound on coordinates, so the plot keeps its scale).",
    });
    // The bound quoted is the schema's: a point just inside it is accepted, and the state takes it.
    const inside = importCsv('-1000000,0,0\n1000000,1e6,1\n', 'edge.csv', current);
    expect(inside.ok).toBe(true);
    if (inside.ok) expect(trainingSchema.safeParse({ ...current, dataset: { ...current.dataset, ...inside.dataset } }).success).toBe(true);
  });

  it('says which labels were imported: a file whose labels are all 0 is not "2 classes"', () => {
    const r = importCsv('0,0,0\n1,1,0\n2,2,0\n', 'ones.csv', current);
    expect(r.ok && r.summary).toBe('Imported 3 points with label 0 only from ones.csv.');
    expect(r.ok && r.warning).toMatch(/Every point has label 0: there is nothing to separate/);
    const three = importCsv('0,0,0\n1,1,2\n2,2,1\n', 'three.csv', current);
    expect(three.ok && three.summary).toBe('Imported 3 points with labels 0, 1 and 2 from three.csv.');
  });
});
