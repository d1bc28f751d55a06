import { describe, expect, it } from 'vitest';
import { computeLandscape1D } from '../../math/landscape1d.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import { tableCsv, tableJson } from '../../worker/data-table.ts';
import { landscape1dData, landscape1dTable } from './data-export.ts';
import type { Computation, Curves } from './use-landscape1d.ts';

const settings = { loss: { kind: 'expression' as const, text: 'theta^4' }, expression: 'theta^4', from: -1, to: 1, points: 21, sigma: 0.3, rho: 0.1 };
const { from, to, points, sigma, rho } = settings;
const landscape = computeLandscape1D({ loss: (t) => t ** 4, from, to, points, sigma, rho });

describe('landscape1dTable', () => {
  it('has a row per grid point: m and the five objectives, exactly as computed', () => {
    const csv = tableCsv(landscape1dTable(landscape, settings)).trimEnd().split('\n');
    expect(csv[0]).toBe('m,loss,expected,sam,relaxed,biconjugate');
    expect(csv).toHaveLength(22);
    const row = csv[7].split(',').map(Number);
    expect(row).toEqual([landscape.theta[6], ...OBJECTIVES.map((n) => landscape[n][6])]);
  });

  it('says in JSON what produced it, and writes +∞ as null with its run and a note', () => {
    // θ⁴ grows faster than any parabola: R and B are +∞ at every m.
    expect(landscape.relaxed.every((v) => v === Infinity)).toBe(true);
    const json = JSON.parse(tableJson(landscape1dTable(landscape, settings)));
    expect(json.metadata).toMatchObject({ loss: { preset: null, expression: 'theta^4' }, sigma: 0.3, rho: 0.1, domain: { from: -1, to: 1, points: 21 } });
    expect(json.metadata.argmin.relaxed).toBeNull();
    expect(json.data.relaxed.every((v: unknown) => v === null)).toBe(true);
    expect(json.nonFinite.relaxed).toEqual([{ from: 0, to: 20, value: 'Infinity' }]);
    expect(json.notes).toEqual(landscape.warnings);
    expect(json.notes.length).toBeGreaterThan(0);
    expect(json.data.expected).toEqual(Array.from(landscape.expected));
  });
});

describe('landscape1dData', () => {
  const ls = { ...DEFAULT_STATE.landscape1d, ...settings };
  const curves = (status: Computation<Curves>['status'], points = landscape.theta.length): Computation<Curves> => ({
    status,
    value: { landscape, display: {} as Curves['display'], counts: {} as Curves['counts'], points },
    error: null,
    progress: null,
    elapsedMs: 1,
    where: 'worker',
    workerFailure: null,
  });
  it('offers no file when the page holds only the plotted points of a larger grid', () => {
    const thinned = landscape1dData(curves('ready', 1_000_000), ls, 'theta^4');
    expect(thinned).toMatchObject({ ready: false, reason: expect.stringMatching(/1,000,000 grid points.*only the 21 points/) });
  });
  it('is ready only when the curves answer the current settings', () => {
    const ready = landscape1dData(curves('ready'), ls, 'theta^4');
    expect(ready.ready && ready.rows).toBe(21);
    expect(landscape1dData(curves('computing'), ls, 'theta^4')).toMatchObject({ ready: false, reason: expect.stringMatching(/being computed/) });
    expect(landscape1dData(curves('error'), ls, 'theta^4').ready).toBe(false);
    expect(landscape1dData(curves('ready'), ls, null).ready).toBe(false);
  });
});
