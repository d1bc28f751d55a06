import { describe, expect, it } from 'vitest';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { pathForAxis, pathLines, plotRange } from './path-lines.ts';

const PATH: PostedPath = {
  axis: 'sigma',
  values: Float64Array.from([1, 2, 3]),
  expected: Float64Array.from([10, 20, 30]),
  sam: Float64Array.from([5, 5, 5]),
  relaxed: Float64Array.from([1, NaN, 3]),
  biconjugate: Float64Array.from([0, 0, 0]),
  warnings: [],
};
const identity = (v: number) => v;

describe('pathLines', () => {
  it('draws one line per objective through (value, minimiser), in the scales given', () => {
    const lines = pathLines(PATH, (v) => 10 * v, (m) => -m);
    expect(lines.map((l) => l.name)).toEqual(['expected', 'sam', 'relaxed', 'biconjugate']);
    expect(lines[0].d).toBe('M10,-10L20,-20L30,-30');
  });

  it('breaks a line where an objective has no minimiser', () => {
    expect(pathLines(PATH, identity, identity)[2].d).toBe('M1,1ZM3,3Z');
  });

  it('marks as held the objectives that do not depend on the swept parameter', () => {
    expect(pathLines(PATH, identity, identity).map((l) => l.held)).toEqual([false, true, false, false]);
    expect(pathLines({ ...PATH, axis: 'rho' }, identity, identity).map((l) => l.held)).toEqual([true, false, true, true]);
  });

  it('draws nothing without a path', () => {
    expect(pathLines(null, identity, identity)).toEqual([]);
  });
});

describe('pathForAxis', () => {
  it('keeps a path only for the axis it was computed against, and none after an error', () => {
    expect(pathForAxis({ status: 'ready', path: PATH }, 'sigma')).toBe(PATH);
    expect(pathForAxis({ status: 'computing', path: PATH }, 'rho')).toBeNull();
    expect(pathForAxis({ status: 'error', path: PATH }, 'sigma')).toBeNull();
    expect(pathForAxis({ status: 'computing', path: null }, 'sigma')).toBeNull();
  });
});

describe('plotRange', () => {
  it('keeps a proper range and widens an empty one tenfold', () => {
    expect(plotRange({ from: 0.05, to: 2 })).toEqual({ from: 0.05, to: 2 });
    expect(plotRange({ from: 0.5, to: 0.5 })).toEqual({ from: 0.5, to: 5 });
  });
});
