/**
 * The (m, σ) panel's grid as a data file in long format: one row per (m, σ) cell with E, B and the gap
 * B − E as the worker computed them (the map paints these; the hover readout interpolates between
 * them). Rows run over m fastest, then σ (log-spaced), as the grid is stored.
 */
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';
import type { LossSpec } from '../../state/experiment.ts';
import type { DataSource } from '../export/data-source.ts';
import type { DataTable } from '../../worker/data-table.ts';
import type { GridState } from './use-msigma-grid.ts';
import type { GridParams } from './landscape-client.ts';

export function msigmaTable(grid: MSigmaGrid, params: GridParams, loss: LossSpec): DataTable {
  const columns = grid.m.length;
  const rows = grid.sigma.length;
  const m = new Float64Array(columns * rows);
  const sigma = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++) {
    m.set(grid.m, j * columns);
    sigma.fill(grid.sigma[j], j * columns, (j + 1) * columns);
  }
  return {
    format: 'sam-bayes-lab/msigma',
    title: 'E, B and the gap B − E over the (m, σ) grid',
    metadata: {
      loss: { preset: loss.kind === 'preset' ? loss.id : null, expression: params.expression, variable: 'theta' },
      m: { from: params.mFrom, to: params.mTo, points: params.mPoints, grid: 'linspace(from, to, points)' },
      sigma: { from: params.sigmaFrom, to: params.sigmaTo, points: params.sigmaPoints, grid: 'log-spaced from from to to' },
      order: 'row-major: m varies fastest, then σ',
    },
    columns: [
      { name: 'm', description: 'm: the mean of q = N(m, σ²)', values: m },
      { name: 'sigma', description: 'σ: the standard deviation of q', values: sigma },
      { name: 'expected', description: 'E_σ(m): the expected loss under q, the Bayes objective', values: grid.expected },
      { name: 'biconjugate', description: 'B_σ(m): the Fenchel biconjugate, the optimal convex relaxation', values: grid.biconjugate },
      { name: 'gap', description: 'B − E: where the relaxation is loose', values: grid.gap },
    ],
    notes: grid.warnings,
    nonFiniteMeaning: {
      Infinity: 'the value is proven infinite (the loss grows too fast for that σ)',
      NaN: 'the value could not be computed at that cell: see notes',
    },
  };
}

/** The panel's Data buttons: the grid on screen, once it is computed for the current loss, m-domain and σ-range. */
export function msigmaData(result: GridState, params: GridParams | null, loss: LossSpec): DataSource {
  const { grid } = result;
  if (params === null) return { ready: false, reason: 'No grid: see the message in the panel.' };
  if (result.status === 'computing') return { ready: false, reason: 'The grid is being computed; the data can be saved when it is ready.' };
  if (result.status === 'error' || !grid) return { ready: false, reason: 'No grid to save: see the message in the panel.' };
  return { ready: true, rows: grid.m.length * grid.sigma.length, table: () => msigmaTable(grid, params, loss) };
}
