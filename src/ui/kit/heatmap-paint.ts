/**
 * The one heatmap painter of the (m, σ) map, the 2-D maps and the network's slice maps: every device pixel
 * is mapped back to a fractional grid cell, sampled (bilinear between finite cells, see grid-paint.ts) and
 * coloured through the colour map; +∞ and not-computable cells are hatched greys (never a value colour),
 * and pixels outside the grid stay transparent. Only the pixel → cell mapping differs between the maps:
 * separable (a column and a row function, computed once per column and row) or per pixel (the (m, σ)
 * map's mean coordinates, where some pixels are infeasible by construction).
 */
import type { ColourMap } from './colour.ts';
import { putRgb, putValueColour, sampleCells } from './grid-paint.ts';
import type { Rgb } from './grid-paint.ts';

/** Hatched greys: "/" for +∞ (proven infinite), "\" lighter for NaN (not computable). */
export const INFINITE_COLOURS: readonly [Rgb, Rgb] = [[150, 150, 150], [200, 200, 200]];
export const NAN_COLOURS: readonly [Rgb, Rgb] = [[185, 185, 185], [232, 232, 232]];

/** A per-pixel cell: fractional [column, row], 'infeasible' (no value can exist there), or null (no sample). */
export type PixelCell = readonly [number, number] | 'infeasible' | null;

export type PixelMapping =
  | { kind: 'separable'; column: (x: number) => number; row: (y: number) => number }
  | { kind: 'pixel'; cell: (x: number, y: number) => PixelCell; infeasible: Rgb };

export interface GridValues {
  values: ArrayLike<number>;
  cols: number;
  rows: number;
}

/**
 * Paints `grid` into `image` (device pixels; `dpr` device pixels per CSS pixel; the mapping takes CSS pixel
 * centres). Returns the number of pixels painted with a value colour.
 */
export function paintGrid(image: ImageData, grid: GridValues, mapping: PixelMapping, cmap: ColourMap, dpr: number): number {
  const { width, height, data } = image;
  const { values, cols, rows } = grid;
  const period = Math.max(4, Math.round(7 * dpr));
  const stripe = Math.max(1, Math.round(2 * dpr));
  const columns = mapping.kind === 'separable' ? Float64Array.from({ length: width }, (_, px) => mapping.column((px + 0.5) / dpr)) : null;
  let painted = 0;
  for (let py = 0; py < height; py++) {
    const fj = mapping.kind === 'separable' ? mapping.row((py + 0.5) / dpr) : 0;
    for (let px = 0; px < width; px++) {
      const o = 4 * (py * width + px);
      let v: number | undefined;
      if (columns) v = sampleCells(values, cols, rows, columns[px], fj);
      else {
        const cell = (mapping as Extract<PixelMapping, { kind: 'pixel' }>).cell((px + 0.5) / dpr, (py + 0.5) / dpr);
        if (cell === 'infeasible') {
          putRgb(data, o, (mapping as Extract<PixelMapping, { kind: 'pixel' }>).infeasible);
          continue;
        }
        v = cell ? sampleCells(values, cols, rows, cell[0], cell[1]) : undefined;
      }
      if (v === undefined) {
        data[o + 3] = 0;
      } else if (Number.isFinite(v)) {
        putValueColour(data, o, cmap, v);
        painted++;
      } else {
        const infinite = v === Infinity;
        const phase = (((infinite ? px + py : px - py) % period) + period) % period;
        putRgb(data, o, (infinite ? INFINITE_COLOURS : NAN_COLOURS)[phase < stripe ? 0 : 1]);
      }
    }
  }
  return painted;
}
