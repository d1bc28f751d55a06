import { describe, expect, it } from 'vitest';
import { parseCsvDataset } from './csv.ts';

describe('CSV import', () => {
  it('reads x,y,label with an optional header, comments and blank lines', () => {
    const r = parseCsvDataset('x,y,label\n0.5,-1,0\n\n# a comment\n1e-3, 2 ,1\r\n.25,3,2\n');
    expect(r).toEqual({
      ok: true,
      classes: 3,
      labels: [0, 1, 2],
      points: [
        { x: 0.5, y: -1, label: 0 },
        { x: 0.001, y: 2, label: 1 },
        { x: 0.25, y: 3, label: 2 },
      ],
      // The source line of each point, to name it in later checks.
      lines: [2, 5, 6],
    });
  });

  it.each([
    ['0,0,0\n1,1\n', 2, /line 2: expected 3 fields/],
    ['0,0,0\n1,abc,1\n', 2, /line 2: y must be a finite number, got 'abc'/],
    ['0,0,0\n1,1,1\nNaN,0,1\n', 3, /line 3: x must be a finite number/],
    ['0,0,0\n1,1,-1\n', 2, /line 2: label must be a class number/],
    ['0,0,0\n1,1,0.5\n', 2, /line 2: label must be a class number/],
    ['0,0,0\n1,1,2\n', 0, /class 1 has no points/],
    ['\n# only comments\n', 0, /no data lines/],
  ])('%j is refused, naming line %i', (text, line, message) => {
    const r = parseCsvDataset(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(line);
    expect(r.message).toMatch(message);
  });

  it('limits on rows and labels name the first line beyond them', () => {
    const rows = '0,0,0\n1,1,1\n2,2,0\n';
    const tooMany = parseCsvDataset(rows, { maxRows: 2 });
    expect(tooMany).toMatchObject({ ok: false, line: 3 });
    expect(parseCsvDataset(rows, { maxRows: 3 }).ok).toBe(true);
    const bigLabel = parseCsvDataset('0,0,0\n1,1,1\n2,2,6\n', { maxLabel: 5 });
    expect(bigLabel).toMatchObject({ ok: false, line: 3 });
    if (!bigLabel.ok) expect(bigLabel.message).toMatch(/0–5, got '6'/);
  });
});
