import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimatedPath } from './decimate.ts';

/** The points of a path "Mx,yLx,y…" as [x, y] pairs, with the index of each M (a new segment). */
function parse(d: string): { points: [number, number][]; moves: number } {
  const points: [number, number][] = [];
  let moves = 0;
  for (const m of d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)) {
    if (m[1] === 'M') moves++;
    points.push([Number(m[2]), Number(m[3])]);
  }
  return { points, moves };
}

describe('decimatedPath', () => {
  it('keeps every point of a short curve', () => {
    const d = decimatedPath(3, (i) => i * 10, (i) => i * i, 100);
    expect(d).toBe('M0.00,0.00L10.00,1.00L20.00,4.00');
  });

  it('a million points over 500 columns: at most 4 points per column, and the same envelope per column', () => {
    const n = 1_000_000;
    const xOf = (i: number) => (i / (n - 1)) * 500;
    const yOf = (i: number) => 200 + 100 * Math.sin(i / 37) + 50 * Math.sin(i / 3001);
    const { points, moves } = parse(decimatedPath(n, xOf, yOf, 500));
    expect(moves).toBe(1);
    expect(points.length).toBeLessThanOrEqual(4 * 501);
    // Column envelopes of the full curve equal those of the path (to the 0.01 px of the path's digits).
    const full = new Map<number, [number, number]>();
    for (let i = 0; i < n; i++) {
      const c = Math.floor(xOf(i));
      const e = full.get(c) ?? [Infinity, -Infinity];
      full.set(c, [Math.min(e[0], yOf(i)), Math.max(e[1], yOf(i))]);
    }
    // Path coordinates carry 2 decimals, so a point near a column edge may print on the neighbour's edge.
    for (const [c, [lo, hi]] of full) {
      const near = points.filter(([x]) => x >= c - 0.01 && x <= c + 1.01).map(([, y]) => y);
      const inside = points.filter(([x]) => x >= c + 0.01 && x <= c + 0.99).map(([, y]) => y);
      expect(near.some((y) => Math.abs(y - lo) < 0.006), `column ${c} reaches its minimum`).toBe(true);
      expect(near.some((y) => Math.abs(y - hi) < 0.006), `column ${c} reaches its maximum`).toBe(true);
      for (const y of inside) expect(y >= lo - 0.006 && y <= hi + 0.006).toBe(true);
    }
  });

  it('breaks the line at non-finite pixels and never writes NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN), fc.constant(Infinity)), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 400 }), (ys, columns) => {
        const d = decimatedPath(ys.length, (i) => (i / ys.length) * columns, (i) => ys[i], columns);
        expect(d).not.toMatch(/NaN|Infinity/);
        const segments = ys.reduce<{ n: number; inRun: boolean }>((acc, y) => (Number.isFinite(y) ? { n: acc.n + (acc.inRun ? 0 : 1), inRun: true } : { n: acc.n, inRun: false }), { n: 0, inRun: false }).n;
        expect(parse(d).moves).toBe(segments);
      }),
      { numRuns: 200 },
    );
  });
});
