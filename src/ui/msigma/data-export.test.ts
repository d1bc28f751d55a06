import { describe, expect, it } from 'vitest';
import { computeMSigmaGrid } from '../../math/msigma.ts';
import { tableCsv, tableJson } from '../../worker/data-table.ts';
import { msigmaData, msigmaTable } from './data-export.ts';
import type { GridParams } from './landscape-client.ts';
import type { GridState } from './use-msigma-grid.ts';

const params: GridParams = { expression: 'abs(theta)', mFrom: -1, mTo: 1, mPoints: 5, sigmaFrom: 0.1, sigmaTo: 1, sigmaPoints: 3 };
const grid = computeMSigmaGrid({ loss: Math.abs, ...params });
const loss = { kind: 'preset' as const, id: 'abs' };

describe('msigmaTable', () => {
  it('is the grid in long format, m fastest, each cell as computed', () => {
    const lines = tableCsv(msigmaTable(grid, params, loss)).trimEnd().split('\n');
    expect(lines[0]).toBe('m,sigma,expected,biconjugate,gap');
    expect(lines).toHaveLength(1 + 15);
    // Row 2·5 + 3 is σ index 2, m index 3.
    const k = 2 * 5 + 3;
    expect(lines[1 + k].split(',').map(Number)).toEqual([grid.m[3], grid.sigma[2], grid.expected[k], grid.biconjugate[k], grid.gap[k]]);
  });

  it('names the loss and the grid in JSON', () => {
    const json = JSON.parse(tableJson(msigmaTable(grid, params, loss)));
    expect(json.metadata.loss).toEqual({ preset: 'abs', expression: 'abs(theta)', variable: 'theta' });
    expect(json.metadata.sigma).toMatchObject({ from: 0.1, to: 1, points: 3 });
    expect(json.rows).toBe(15);
    expect(json.data.sigma.slice(0, 6)).toEqual([...Array(5).fill(grid.sigma[0]), grid.sigma[1]]);
  });
});

describe('msigmaData', () => {
  const state = (status: GridState['status']): GridState => ({ status, grid, error: null, workerFailure: null, elapsedMs: 1, where: 'worker' });
  it('is ready only with a grid for the current inputs', () => {
    const ready = msigmaData(state('ready'), params, loss);
    expect(ready.ready && ready.rows).toBe(15);
    expect(msigmaData(state('computing'), params, loss).ready).toBe(false);
    expect(msigmaData(state('error'), params, loss).ready).toBe(false);
    expect(msigmaData(state('ready'), null, loss).ready).toBe(false);
  });
});
