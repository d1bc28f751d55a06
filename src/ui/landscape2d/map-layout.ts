/**
 * The maps' grid: how many maps side by side, and each map's plot area, from the grid's width and the
 * view's aspect (square pixels).
 */
import type { ViewRange } from './render-2d.ts';

/**
 * A map's margins. The title is an HTML caption above the frame (it wraps on a phone), so the top margin only
 * holds the top tick label. A constant, not computed from the tick labels (kit/plot-frame.ts): the labels change
 * while a drag pans the view, and margins that followed them would resize all four maps under the pointer.
 */
export const MAP_MARGIN = { top: 8, right: 8, bottom: 24, left: 38 };

export const MAX_MAP_SIZE = 420;
export const MIN_MAP_SIZE = 140;
/** The maps grid's column gap (landscape2d.css, .landscape2d-maps). */
export const MAP_GAP = 12;

export interface MapGridLayout {
  columns: number;
  /** Each map's plot area, in CSS pixels. */
  width: number;
  height: number;
}

/** The width n maps of plot size `mapSize` take side by side. */
const across = (mapSize: number, n: number) => n * (mapSize + MAP_MARGIN.left + MAP_MARGIN.right) + (n - 1) * MAP_GAP;

export function mapGridLayout(gridWidth: number, view: ViewRange): MapGridLayout {
  // Four across when each gets 220 px, else two, else (a phone) one: two 140 px maps side by side were
  // wider than a 390 px screen's panel.
  const columns = gridWidth >= across(220, 4) ? 4 : gridWidth >= across(MIN_MAP_SIZE, 2) ? 2 : 1;
  const size = Math.max(MIN_MAP_SIZE, Math.min(MAX_MAP_SIZE, Math.floor((gridWidth - (columns - 1) * MAP_GAP) / columns) - MAP_MARGIN.left - MAP_MARGIN.right));
  // Square pixels: the taller side of the view gets the full size.
  const aspect = (view.yTo - view.yFrom) / (view.xTo - view.xFrom);
  const width = aspect > 1 ? Math.max(60, Math.round(size / aspect)) : size;
  const height = aspect > 1 ? size : Math.max(60, Math.round(size * aspect));
  return { columns, width, height };
}
