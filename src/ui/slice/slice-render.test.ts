import { describe, expect, it } from 'vitest';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { makeColourMap } from '../kit/colour.ts';
import { NAN_COLOURS } from '../kit/heatmap-paint.ts';
import { paintSlice, sharedColourMap, slicePaths } from './slice-render.ts';

/** A 3 × 3 grid rising along y (row index). */
const values = Float32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2]);

function image(width: number, height: number): ImageData {
  return { width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' } as ImageData;
}

describe('slice rendering', () => {
  it('puts grid row 0 at the bottom of the image (y grows upwards) and hatches non-finite cells grey', () => {
    const img = image(5, 5);
    const cmap = makeColourMap(Float64Array.from(values), 'expected');
    paintSlice(img, values, 3, cmap);
    const pixel = (x: number, y: number) => Array.from(img.data.slice(4 * (y * 5 + x), 4 * (y * 5 + x) + 3));
    const k = (v: number) => 3 * Math.round(cmap.t(v) * 255);
    // Pixel centres: the bottom row samples a tenth of the way from grid row 0 to row 2, the top row nine tenths.
    expect(pixel(2, 4)).toEqual(Array.from(cmap.lut.slice(k((1 - 4.5 / 5) * 2), k((1 - 4.5 / 5) * 2) + 3)));
    expect(pixel(2, 0)).toEqual(Array.from(cmap.lut.slice(k((1 - 0.5 / 5) * 2), k((1 - 0.5 / 5) * 2) + 3)));
    const holes = Float32Array.from([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    const grey = image(2, 2);
    paintSlice(grey, holes, 2, cmap);
    expect(NAN_COLOURS.map((c) => [...c, 255])).toContainEqual(Array.from(grey.data.slice(0, 4)));
  });

  it('draws a contour between the rows it separates', () => {
    const paths = slicePaths(values, 3, [1.5], 100, 100);
    expect(paths).toHaveLength(1);
    const ys = [...paths[0].d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    // Level 1.5 lies between grid rows 1 (y = 50) and 2 (y = 0 at the top).
    expect(ys.some((y) => y > 0 && y < 50)).toBe(true);
  });

  it('one colour map spans every map of the slice', () => {
    const result: SliceResult = {
      dims: 2,
      coords: Float32Array.from([-1, 0, 1]),
      xLabel: 'x',
      yLabel: 'y',
      loss: values,
      expected: values.map((v) => v + 10),
      sam: values.map((v) => v + 1),
      samples: 1,
      rho: 0.1,
      step: 0,
      range: { from: 0, to: 9 },
    };
    const cmap = sharedColourMap(result);
    expect(cmap.lo).toBe(0);
    expect(cmap.hi).toBeGreaterThan(10);
  });
});
