import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { minimiserPathData, minimiserPathTable } from './data-export.ts';
import type { PathState } from './use-minimiser-path.ts';

const path: PostedPath = {
  axis: 'rho',
  values: Float64Array.from([0.01, 0.1, 1]),
  expected: Float64Array.from([1.4, 1.4, 1.4]),
  sam: Float64Array.from([-1.5, NaN, 1.39]),
  relaxed: Float64Array.from([1.3, 1.3, 1.3]),
  biconjugate: Float64Array.from([1.35, 1.35, 1.35]),
  warnings: ['sam: no minimiser at 1 of 3 ρ values: the minimum lies at the edge of the m-domain (it may be beyond it)'],
};
const ready: PathState = { status: 'ready', path, error: null, workerFailure: null, progress: null, elapsedMs: 5, where: 'worker' };
const rhoState = { ...DEFAULT_STATE, minimisers: { ...DEFAULT_STATE.minimisers, axis: 'rho' as const } };

describe('minimiser-path data export', () => {
  it('has one row per swept value, the four minimisers as computed (NaN kept), the held σ and the flat objectives named', () => {
    const t = minimiserPathTable(path, rhoState, 'theta^2');
    expect(t.columns.map((c) => c.name)).toEqual(['rho', 'argmin_expected', 'argmin_sam', 'argmin_relaxed', 'argmin_biconjugate']);
    expect(Array.from(t.columns[2].values)).toEqual([-1.5, NaN, 1.39]);
    expect(t.metadata).toMatchObject({ axis: 'rho', held: { sigma: DEFAULT_STATE.landscape1d.sigma }, flat: ['expected', 'relaxed', 'biconjugate'] });
    expect(t.columns[1].description).toContain('does not depend on ρ');
    expect(t.columns[2].description).not.toContain('does not depend');
    expect(t.notes).toEqual(path.warnings);
  });

  it('is offered only for a computed path of the current axis, and says why otherwise', () => {
    expect(minimiserPathData(ready, rhoState, 'theta^2')).toMatchObject({ ready: true, rows: 3 });
    expect(minimiserPathData(ready, DEFAULT_STATE, 'theta^2')).toMatchObject({ ready: false, reason: expect.stringContaining('being computed') });
    expect(minimiserPathData({ ...ready, status: 'waiting', path: null }, rhoState, 'theta^2')).toMatchObject({ ready: false, reason: expect.stringContaining('scrolled into view') });
    expect(minimiserPathData({ ...ready, status: 'error', path: null }, rhoState, null)).toMatchObject({ ready: false });
  });
});
