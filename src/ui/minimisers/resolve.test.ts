import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import { reduce } from '../../state/update.ts';
import { resolvePathParams } from './resolve.ts';

const rhoState = reduce(DEFAULT_STATE, { type: 'patchMinimisers', patch: { axis: 'rho', rhoFrom: 0.02, rhoTo: 0.5 } });

describe('resolvePathParams', () => {
  it('sweeps σ over the (m, σ) map’s range with ρ held; moving σ does not change the request', () => {
    const r = resolvePathParams(DEFAULT_STATE);
    if (!r.ok) throw new Error(r.reason);
    expect(r.params).toMatchObject({ axis: 'sigma', rho: DEFAULT_STATE.landscape1d.rho, sweepFrom: 0.05, sweepTo: 2 });
    expect(resolvePathParams(reduce(DEFAULT_STATE, { type: 'setSigma', sigma: 0.9 }))).toEqual(r);
    expect(resolvePathParams(reduce(DEFAULT_STATE, { type: 'setRho', rho: 0.9 }))).not.toEqual(r);
  });

  it('sweeps ρ over the path’s own range with σ held; moving ρ does not change the request, moving σ does', () => {
    const r = resolvePathParams(rhoState);
    if (!r.ok) throw new Error(r.reason);
    expect(r.params).toMatchObject({ axis: 'rho', sigma: DEFAULT_STATE.landscape1d.sigma, sweepFrom: 0.02, sweepTo: 0.5 });
    expect(resolvePathParams(reduce(rhoState, { type: 'setRho', rho: 0.9 }))).toEqual(r);
    expect(resolvePathParams(reduce(rhoState, { type: 'setSigma', sigma: 0.9 }))).not.toEqual(r);
  });
});
