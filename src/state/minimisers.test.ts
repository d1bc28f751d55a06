import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from './experiment.ts';
import { DEFAULT_MINIMISERS } from './minimisers.ts';
import { decodeFragment, decodeStateFile, encodeFragment } from './permalink/index.ts';
import { reduce } from './update.ts';

const S = DEFAULT_STATE;

describe('minimiser path state (mn.*)', () => {
  it('the axis and ρ range travel in the link and come back exactly', () => {
    const state = reduce(S, { type: 'patchMinimisers', patch: { axis: 'rho', rhoFrom: 0.02, rhoTo: 0.8 } });
    expect(state.minimisers).toEqual({ axis: 'rho', rhoFrom: 0.02, rhoTo: 0.8 });
    const link = encodeFragment(state);
    expect(link).toContain('mn.axis=rho');
    const back = decodeFragment(link);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(state);
  });

  it('links and state files made before the section get its defaults, without a notice', () => {
    const old = decodeFragment('v=1&l1.sigma=0.3');
    expect(old.notices).toEqual([]);
    expect(old.state.minimisers).toEqual(DEFAULT_MINIMISERS);
    const withoutSection: Partial<typeof S> = { ...S };
    delete withoutSection.minimisers;
    expect(decodeStateFile(JSON.stringify(withoutSection)).state.minimisers).toEqual(DEFAULT_MINIMISERS);
  });

  it('a bad axis or an empty ρ range in a link is refused with a notice', () => {
    const axis = decodeFragment('v=1&mn.axis=tau');
    expect(axis.state.minimisers.axis).toBe('sigma');
    expect(axis.notices.map((n) => n.key)).toContain('mn.axis');
    const empty = decodeFragment('v=1&mn.rhoFrom=2&mn.rhoTo=0.5');
    expect(empty.state.minimisers.rhoFrom).toBeLessThan(empty.state.minimisers.rhoTo);
    expect(empty.notices.map((n) => n.key)).toContain('mn.rhoTo');
  });

  it('the reducer rejects an empty or non-positive ρ range and keeps the same object', () => {
    expect(reduce(S, { type: 'patchMinimisers', patch: { rhoFrom: 2, rhoTo: 1 } })).toBe(S);
    expect(reduce(S, { type: 'patchMinimisers', patch: { rhoFrom: 0 } })).toBe(S);
    expect(reduce(S, { type: 'patchMinimisers', patch: { axis: 'sigma' } })).toBe(S);
  });
});
