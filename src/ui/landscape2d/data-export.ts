/**
 * The 2-D panel's maps as a data file in long format: one row per grid point (x, y) with the four maps
 * (ℓ, E, S, R) as the worker computed them, shown or not. Rows run over x fastest, then y, as
 * the maps are stored. The optimizer paths are not included.
 */
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import type { Landscape2DState } from '../../state/experiment.ts';
import { MAPS_2D } from '../../state/experiment.ts';
import type { DataSource } from '../export/data-source.ts';
import type { DataTable } from '../../worker/data-table.ts';
import { mapTitle } from './map-titles.ts';
import type { Maps2DState } from './use-maps-2d.ts';

export function landscape2dTable(maps: Landscape2D, s: Landscape2DState, expression: string): DataTable {
  const nx = maps.x.length;
  const ny = maps.y.length;
  const x = new Float64Array(nx * ny);
  const y = new Float64Array(nx * ny);
  for (let i = 0; i < ny; i++) {
    x.set(maps.x, i * nx);
    y.fill(maps.y[i], i * nx, (i + 1) * nx);
  }
  return {
    format: 'sam-bayes-lab/landscape-2d',
    title: 'The loss, E, S and R maps over (x, y)',
    metadata: {
      loss: { preset: s.loss.kind === 'preset' ? s.loss.id : null, expression, variables: ['x', 'y'] },
      sigma: s.sigma,
      rho: s.rho,
      x: { from: s.xFrom, to: s.xTo, points: nx, grid: 'linspace(from, to, points)' },
      y: { from: s.yFrom, to: s.yTo, points: ny, grid: 'linspace(from, to, points)' },
      order: 'row-major: x varies fastest, then y',
    },
    columns: [
      { name: 'x', description: 'x: the first coordinate of θ', values: x },
      { name: 'y', description: 'y: the second coordinate of θ', values: y },
      ...MAPS_2D.map((name) => ({ name, description: mapTitle(name, s.sigma, s.rho).plain, values: maps[name] })),
    ],
    notes: maps.warnings,
    nonFiniteMeaning: {
      Infinity: 'the value is proven infinite (the loss grows too fast)',
      NaN: 'the value could not be computed at that point: see notes',
    },
  };
}

/** The panel's Data buttons: the maps, once they are computed for the current loss, view, σ and ρ. */
export function landscape2dData(result: Maps2DState, s: Landscape2DState, expression: string | null): DataSource {
  const { maps } = result;
  if (expression === null) return { ready: false, reason: 'No maps: the loss does not compile.' };
  if (result.status === 'computing') return { ready: false, reason: 'The maps are being computed; the data can be saved when they are ready.' };
  if (result.status === 'error' || !maps) return { ready: false, reason: 'No maps to save: see the message in the panel.' };
  return { ready: true, rows: maps.x.length * maps.y.length, table: () => landscape2dTable(maps, s, expression) };
}
