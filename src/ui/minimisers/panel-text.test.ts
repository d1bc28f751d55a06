import { describe, expect, it } from 'vitest';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { heldNote, jumpSentence, minimisersAt, pathStatusText, pathSubtitle, placeholderText, playLabel } from './panel-text.ts';

/** A path over two values where E and B jump between wells, R drifts, and SAM has no minimiser at the second. */
function path(axis: PostedPath['axis']): PostedPath {
  return {
    axis,
    values: Float64Array.from([0.1, 0.2]),
    expected: Float64Array.from([-1.5, 1.4]),
    sam: Float64Array.from([-1.5, NaN]),
    relaxed: Float64Array.from([-1.5, -1.45]),
    biconjugate: Float64Array.from([-1.2, 1.1]),
    warnings: [],
  };
}

describe('pathStatusText', () => {
  const none = { progress: null, elapsedMs: null, where: null };
  it('says each status, with progress while computing and time and place when ready', () => {
    expect(pathStatusText({ ...none, status: 'waiting' }, 'σ')).toBe('computed when the panel is scrolled into view');
    expect(pathStatusText({ ...none, status: 'computing' }, 'σ')).toBe('computing…');
    expect(pathStatusText({ ...none, status: 'computing', progress: { done: 3, total: 80 } }, 'ρ')).toBe('computing… 3/80 ρ values');
    expect(pathStatusText({ ...none, status: 'ready', elapsedMs: 40.4, where: 'main thread' }, 'σ')).toBe('ready (40 ms, main thread)');
    expect(pathStatusText({ ...none, status: 'ready' }, 'σ')).toBe('ready');
    expect(pathStatusText({ ...none, status: 'error' }, 'σ')).toBe('error');
  });
});

describe('placeholderText and playLabel', () => {
  it('say why there is no path yet', () => {
    expect(placeholderText('error')).toBe('No path: see the message below.');
    expect(placeholderText('waiting')).toBe('computed when you scroll here');
    expect(placeholderText('computing')).toBe('computing the minimiser path…');
  });
  it('name what the Play button does next', () => {
    expect(playLabel('idle', 'σ')).toBe('Play σ sweep');
    expect(playLabel('playing', 'σ')).toBe('Pause');
    expect(playLabel('finished', 'ρ')).toBe('Replay ρ sweep');
  });
});

describe('pathSubtitle and heldNote', () => {
  it('hold SAM at ρ against σ, and E, R, B at σ against ρ', () => {
    expect(pathSubtitle('sigma', 0.3, 0.5)).toBe('The minimiser over m of each objective as σ grows (ρ = 0.3 for SAM, which does not depend on σ).');
    expect(pathSubtitle('rho', 0.3, 0.5)).toBe('The minimiser over m of each objective as ρ grows: only SAM depends on ρ (E, R and B at σ = 0.5).');
    expect(heldNote('sigma', 0.3, 0.5)).toBe('S (SAM) does not depend on σ: drawn flat (ρ = 0.3)');
    expect(heldNote('rho', 0.3, 0.5)).toBe('E, R and B do not depend on ρ: drawn flat (σ = 0.5)');
  });
});

describe('jumpSentence', () => {
  it('against σ says the jumps of E and B, not of SAM or R', () => {
    expect(jumpSentence(path('sigma'), 6, 'σ')).toBe(
      'E (Bayes)’s minimiser jumps from m ≈ -1.50 to m ≈ 1.40 between σ = 0.100 and 0.200. ' +
        'B’s minimiser jumps from m ≈ -1.20 to m ≈ 1.10 between σ = 0.100 and 0.200.',
    );
  });
  it('against ρ says only SAM’s', () => {
    expect(jumpSentence(path('rho'), 6, 'ρ')).toBe('S (SAM)’s minimiser moves without jumping.');
  });
  it('counts as a jump only a move wider than a fraction of the m-domain', () => {
    expect(jumpSentence(path('sigma'), 100, 'σ')).toBe('E (Bayes)’s minimiser moves without jumping. B’s minimiser moves without jumping.');
  });
});

describe('minimisersAt', () => {
  it('lists every objective’s minimiser, pointing to the notes where there is none', () => {
    expect(minimisersAt(path('sigma'), 1)).toBe('expected at m = 1.400, SAM at m = — (see notes), relaxed at m = -1.450, biconjugate at m = 1.100');
  });
});
