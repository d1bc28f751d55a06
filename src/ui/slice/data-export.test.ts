import { describe, expect, it } from 'vitest';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { tableCsv, tableJson } from '../../worker/data-table.ts';
import { sliceData, sliceTable } from './data-export.ts';

const coords = Float32Array.from([-0.3, 0, 0.3]);
const slice2d: SliceResult = {
  dims: 2,
  coords,
  xLabel: 'random direction (seed 0)',
  yLabel: 'random direction (seed 1)',
  loss: Float32Array.from({ length: 9 }, (_, k) => 0.1 * k),
  expected: Float32Array.from({ length: 9 }, (_, k) => 0.2 * k),
  sam: Float32Array.from({ length: 9 }, (_, k) => (k === 8 ? NaN : 0.052 * k)),
  samples: 16,
  rho: 0.05,
  step: 120,
  range: { from: 0, to: 9 },
};

describe('sliceTable', () => {
  it('writes a 2-D slice in long format, x fastest, with float32 digits', () => {
    const lines = tableCsv(sliceTable(slice2d)).trimEnd().split('\n');
    expect(lines[0]).toBe('x,y,loss,expected,sam');
    expect(lines).toHaveLength(10);
    expect(lines[2]).toBe('0,-0.3,0.1,0.2,0.052');
    expect(lines[6]).toBe('0.3,0,0.5,1,0.26');
    expect(lines[9]).toBe('0.3,0.3,0.8,1.6,NaN');
    // Each value reads back to the float32 computed.
    expect(Math.fround(Number(lines[6].split(',')[4]))).toBe(slice2d.sam[5]);
  });
  it('leaves out the expected loss without a posterior, and says so', () => {
    const r: SliceResult = { ...slice2d, dims: 1, expected: null, loss: coords, sam: coords };
    const json = JSON.parse(tableJson(sliceTable(r)));
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual(['x', 'loss', 'sam']);
    expect(json.data.x).toEqual([-0.3, 0, 0.3]);
    expect(json.metadata).toMatchObject({ dims: 1, span: 0.3, trainingStep: 120, rho: 0.05, posteriorSamples: null });
    expect(json.notes[0]).toMatch(/no posterior/);
  });
});

describe('sliceData', () => {
  it('is ready when a finished slice is shown and none is running', () => {
    const ready = sliceData(slice2d, false);
    expect(ready.ready && ready.rows).toBe(9);
    expect(sliceData(slice2d, true).ready).toBe(false);
    expect(sliceData(null, false).ready).toBe(false);
  });
});
