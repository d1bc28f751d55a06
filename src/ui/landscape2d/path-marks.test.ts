import { describe, expect, it } from 'vitest';
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import { ELLIPSES, pathMarks } from './path-marks.ts';

/** Screen = 10 × data, y down. */
const geometry = { x: (v: number) => 10 * v, y: (v: number) => -10 * v } as unknown as Parameters<typeof pathMarks>[2];

function path(n: number, std?: number): OptimizerPath {
  const x = Float64Array.from({ length: n }, (_, k) => k);
  return {
    name: std === undefined ? 'gd' : 'bsam',
    x,
    y: x.slice(),
    loss: new Float64Array(n),
    diverged: false,
    ...(std === undefined ? {} : { stdX: new Float64Array(n).fill(std), stdY: new Float64Array(n).fill(std / 2) }),
  };
}

describe('pathMarks', () => {
  it('draws the steps up to the animation step, and its head there', () => {
    const m = pathMarks(path(5), 2, geometry);
    expect(m.d).toBe('M0.0,0.0L10.0,-10.0L20.0,-20.0');
    expect(m.head).toEqual([20, -20]);
    expect(m.ellipses).toEqual([]);
  });

  it('stops at the path end when the step is beyond it (a diverged run is shorter)', () => {
    expect(pathMarks(path(3), 10, geometry).head).toEqual([20, -20]);
  });

  it('draws one std ellipse every so many steps, about ELLIPSES over a full path', () => {
    const full = pathMarks(path(ELLIPSES * 4 + 1, 0.5), 1000, geometry);
    expect(full.ellipses).toHaveLength(ELLIPSES + 1);
    expect(full.ellipses[1]).toEqual({ k: 4, cx: 40, cy: -40, rx: 5, ry: 2.5 });
    expect(pathMarks(path(ELLIPSES * 4 + 1, 0.5), 8, geometry).ellipses.map((e) => e.k)).toEqual([0, 4, 8]);
  });
});
