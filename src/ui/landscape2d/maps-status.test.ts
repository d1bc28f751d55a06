import { describe, expect, it } from 'vitest';
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import { divergedLabels, mapsStatusText } from './maps-status.ts';
import { OPTIMIZER_STYLE } from './optimizer-style.ts';

const idle = { progress: null, elapsedMs: null, where: null } as const;

describe('mapsStatusText', () => {
  it('says why nothing is computed yet, and when the maps will be', () => {
    expect(mapsStatusText({ ...idle, status: 'waiting' })).toBe('computed when the panel is scrolled into view');
  });

  it('shows the stage and percentage while computing, once the worker has reported', () => {
    expect(mapsStatusText({ ...idle, status: 'computing' })).toBe('computing…');
    expect(mapsStatusText({ ...idle, status: 'computing', progress: { stage: 'sam', fraction: 0.426 } })).toBe('computing sam… 43%');
  });

  it('gives the time and where the maps were computed when ready', () => {
    expect(mapsStatusText({ status: 'ready', progress: null, elapsedMs: 1234.6, where: 'worker' })).toBe('ready (1235 ms, worker)');
    expect(mapsStatusText({ ...idle, status: 'ready' })).toBe('ready');
    expect(mapsStatusText({ ...idle, status: 'error' })).toBe('error');
  });
});

describe('divergedLabels', () => {
  it('names the shown paths that diverged, in their order', () => {
    const path = (name: OptimizerPath['name'], diverged: boolean) => ({ name, diverged }) as OptimizerPath;
    expect(divergedLabels([path('gd', true), path('adam', false), path('bsam', true)])).toEqual([OPTIMIZER_STYLE.gd.label, OPTIMIZER_STYLE.bsam.label]);
    expect(divergedLabels([])).toEqual([]);
  });
});
