import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import { decodeFragment, encodeFragment } from '../../state/permalink/index.ts';
import { TOUR_STEPS } from '../classroom/tour.ts';
import type { Synced } from './synced-state.ts';
import { syncedReducer } from './synced-state.ts';

const start: Synced = { state: DEFAULT_STATE, origin: 'link' };

describe('syncedReducer', () => {
  it('marks edits as edits and presets as deliberate', () => {
    const edited = syncedReducer(start, { type: 'app', action: { type: 'setSigma', sigma: 0.25 } });
    expect(edited).toMatchObject({ origin: 'edit', state: { landscape1d: { sigma: 0.25 } } });
    const preset = syncedReducer(edited, { type: 'app', action: { type: 'applyPreset', id: 'abs' } });
    expect(preset).toMatchObject({ origin: 'deliberate', state: { landscape1d: { loss: { kind: 'preset', id: 'abs' } } } });
  });

  it('returns the same object for an action that changes nothing, so no history entry is made later', () => {
    const same = syncedReducer(start, { type: 'app', action: { type: 'setSigma', sigma: DEFAULT_STATE.landscape1d.sigma } });
    expect(same).toBe(start);
    expect(syncedReducer(start, { type: 'app', action: { type: 'applyPreset', id: 'no-such-preset' } })).toBe(start);
  });

  it('loads a whole valid state (a tour step) as a deliberate step, and refuses an invalid one', () => {
    const step = TOUR_STEPS[1].state;
    expect(syncedReducer(start, { type: 'app', action: { type: 'loadState', state: step } })).toEqual({ state: step, origin: 'deliberate' });
    const broken = { ...DEFAULT_STATE, landscape1d: { ...DEFAULT_STATE.landscape1d, sigma: -1 } };
    expect(syncedReducer(start, { type: 'app', action: { type: 'loadState', state: broken } })).toBe(start);
  });

  it('restores a state from history without marking it as an edit', () => {
    const other = { ...DEFAULT_STATE, msigma: { ...DEFAULT_STATE.msigma, surface: 'expected' as const } };
    expect(syncedReducer(start, { type: 'restore', state: other, origin: 'history' })).toEqual({ state: other, origin: 'history' });
  });
});

describe('tour steps as links', () => {
  it('every tour step is a short link that opens exactly that step, without notices', () => {
    expect(TOUR_STEPS.length).toBeGreaterThan(0);
    for (const step of TOUR_STEPS) {
      const fragment = encodeFragment(step.state);
      expect(fragment.length, step.id).toBeLessThanOrEqual(1900);
      const back = decodeFragment(fragment);
      expect(back.notices, step.id).toEqual([]);
      expect(back.state, step.id).toEqual(step.state);
    }
  });
});
