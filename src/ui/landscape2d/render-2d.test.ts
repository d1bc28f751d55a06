import { describe, expect, it } from 'vitest';
import { contourPaths, finiteRange, mapGeometry, panBy, sampleGrid, zoomAbout } from './render-2d.ts';

const axes = { x: Float64Array.from([0, 1, 2]), y: Float64Array.from([10, 11, 12]) };
// Row-major, row i is y_i: value = x + 10·(y − 10).
const values = Float64Array.from([0, 1, 2, 10, 11, 12, 20, 21, 22]);

describe('render2d', () => {
  it('samples row-major grids bilinearly, with undefined outside and nearest cell next to non-finite values', () => {
    expect(sampleGrid(axes, values, 0.5, 10.5)).toBeCloseTo(5.5, 12);
    expect(sampleGrid(axes, values, 2, 12)).toBe(22);
    expect(sampleGrid(axes, values, 3, 11)).toBeUndefined();
    const holed = Float64Array.from(values);
    holed[4] = NaN;
    expect(sampleGrid(axes, holed, 0.2, 10.2)).toBe(0);
  });

  it('zooms about a fixed point and pans by data offsets', () => {
    const r = { xFrom: -2, xTo: 2, yFrom: 0, yTo: 4 };
    expect(zoomAbout(r, 1, 1, 0.5)).toEqual({ xFrom: -0.5, xTo: 1.5, yFrom: 0.5, yTo: 2.5 });
    expect(panBy(r, 1, -1)).toEqual({ xFrom: -1, xTo: 3, yFrom: -1, yTo: 3 });
  });

  it('draws contours in screen coordinates with y pointing up', () => {
    const g = mapGeometry({ xFrom: 0, xTo: 2, yFrom: 10, yTo: 12 }, 200, 100);
    const paths = contourPaths(axes, values, [10.5], g);
    expect(paths).toHaveLength(1);
    // The region ≥ 10.5 is the upper part (y ≥ ~11): its level line lies between the rows y = 10 and
    // y = 11 (screen 100 and 50) and it reaches the top edge, above the plot (screen y < 0): y points up.
    const ys = [...paths[0].d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeGreaterThan(50);
    expect(Math.max(...ys)).toBeLessThan(100);
    expect(Math.min(...ys)).toBeLessThan(0);
    expect(finiteRange(values)).toEqual({ min: 0, max: 22 });
    expect(finiteRange(Float64Array.from([NaN]))).toBeNull();
  });
});
