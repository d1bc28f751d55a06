import { describe, expect, it } from 'vitest';
import { makeColourMap } from './colour.ts';
import { INFINITE_COLOURS, NAN_COLOURS, paintGrid } from './heatmap-paint.ts';

function image(width: number, height: number): ImageData {
  return { width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' } as ImageData;
}

const rgba = (img: ImageData, x: number, y: number) => Array.from(img.data.slice(4 * (y * img.width + x), 4 * (y * img.width + x) + 4));

describe('the heatmap painter', () => {
  const values = Float64Array.from([0, 1, Infinity, Number.NaN]);
  const cmap = makeColourMap(Float64Array.from([0, 1]), 'expected');

  it('colours finite cells through the colour map, hatches +∞ and NaN, and counts only value pixels', () => {
    const img = image(2, 2);
    const painted = paintGrid(img, { values, cols: 2, rows: 2 }, { kind: 'separable', column: (x) => x - 0.5, row: (y) => y - 0.5 }, cmap, 1);
    expect(painted).toBe(2);
    expect(rgba(img, 0, 0)).toEqual([...cmap.lut.slice(0, 3), 255]);
    expect(rgba(img, 1, 0)).toEqual([...cmap.lut.slice(3 * 255, 3 * 256), 255]);
    expect(INFINITE_COLOURS.map((c) => [...c, 255])).toContainEqual(rgba(img, 0, 1));
    expect(NAN_COLOURS.map((c) => [...c, 255])).toContainEqual(rgba(img, 1, 1));
  });

  it('leaves pixels outside the grid transparent and paints infeasible ones in their own colour', () => {
    const img = image(3, 1);
    const cell = (x: number) => (x < 1 ? ([0, 0] as const) : x < 2 ? ('infeasible' as const) : ([5, 5] as const));
    paintGrid(img, { values, cols: 2, rows: 2 }, { kind: 'pixel', cell, infeasible: [1, 2, 3] }, cmap, 1);
    expect(rgba(img, 0, 0)[3]).toBe(255);
    expect(rgba(img, 1, 0)).toEqual([1, 2, 3, 255]);
    expect(rgba(img, 2, 0)[3]).toBe(0);
  });
});
