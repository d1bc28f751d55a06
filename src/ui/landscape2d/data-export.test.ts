import { describe, expect, it } from 'vitest';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import { tableCsv, tableJson } from '../../worker/data-table.ts';
import { landscape2dData, landscape2dTable } from './data-export.ts';
import type { Maps2DState } from './use-maps-2d.ts';

// A 3 × 2 grid (3 x-points, 2 y-points) with distinct values, and one infinite and one missing R value.
const maps: Landscape2D = {
  x: Float64Array.of(-1, 0, 1),
  y: Float64Array.of(-0.5, 0.5),
  loss: Float64Array.from({ length: 6 }, (_, k) => k / 3),
  expected: Float64Array.from({ length: 6 }, (_, k) => 1 + k / 7),
  sam: Float64Array.from({ length: 6 }, (_, k) => 2 + k),
  relaxed: Float64Array.of(0, 1, 2, 3, Infinity, NaN),
  warnings: ['R could not be computed at 1 point'],
};
const s = { ...DEFAULT_STATE.landscape2d, loss: { kind: 'expression' as const, text: 'x^2 + y^2' }, sigma: 0.25, rho: 0.05 };

describe('landscape2dTable', () => {
  it('has one row per grid point, x fastest, and every map', () => {
    const lines = tableCsv(landscape2dTable(maps, s, 'x^2 + y^2')).trimEnd().split('\n');
    expect(lines).toEqual([
      'x,y,loss,expected,sam,relaxed',
      `-1,-0.5,0,1,2,0`,
      `0,-0.5,${1 / 3},${1 + 1 / 7},3,1`,
      `1,-0.5,${2 / 3},${1 + 2 / 7},4,2`,
      `-1,0.5,1,${1 + 3 / 7},5,3`,
      `0,0.5,${4 / 3},${1 + 4 / 7},6,Infinity`,
      `1,0.5,${5 / 3},${1 + 5 / 7},7,NaN`,
    ]);
  });
  it('says in JSON what produced the maps and where values are missing', () => {
    const json = JSON.parse(tableJson(landscape2dTable(maps, s, 'x^2 + y^2')));
    expect(json.metadata).toMatchObject({ loss: { preset: null, expression: 'x^2 + y^2' }, sigma: 0.25, rho: 0.05, x: { points: 3 }, y: { points: 2 } });
    expect(json.nonFinite).toEqual({ relaxed: [{ from: 4, to: 4, value: 'Infinity' }, { from: 5, to: 5, value: 'NaN' }] });
    expect(json.notes).toEqual(maps.warnings);
    expect(json.columns[3].description).toMatch(/σ/);
  });
});

describe('landscape2dData', () => {
  const result = (status: Maps2DState['status']): Maps2DState => ({ status, maps, error: null, workerFailure: null, elapsedMs: 1, where: 'worker', progress: null });
  it('is ready only with maps for the current settings', () => {
    const ready = landscape2dData(result('ready'), s, 'x^2 + y^2');
    expect(ready.ready && ready.rows).toBe(6);
    expect(landscape2dData(result('computing'), s, 'x^2 + y^2').ready).toBe(false);
    expect(landscape2dData(result('ready'), s, null).ready).toBe(false);
  });
});
