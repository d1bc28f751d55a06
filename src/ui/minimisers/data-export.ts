/**
 * The minimiser-path plot as a data file: one row per swept σ (or ρ) value with the argmin over m of
 * E, S, R and B there, as the worker computed them. An objective that does not depend on the swept
 * parameter is the same number in every row (the plot draws it flat); a minimiser that is not known is NaN,
 * and the notes say why.
 */
import { AXIS_SYMBOL, dependsOn, PATH_OBJECTIVES } from '../../math/minimiser-path.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import type { DataTable } from '../../worker/data-table.ts';
import type { DataSource } from '../export/data-source.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import type { PathState } from './use-minimiser-path.ts';
import { PATH_POINTS } from './resolve.ts';

export function minimiserPathTable(path: PostedPath, state: ExperimentState, expression: string): DataTable {
  const { from, to, sigma, rho } = state.landscape1d;
  const symbol = AXIS_SYMBOL[path.axis];
  const held = path.axis === 'sigma' ? { rho } : { sigma };
  return {
    format: 'sam-bayes-lab/minimiser-path',
    title: `The minimiser over m of E, S, R and B as ${symbol} grows`,
    metadata: {
      loss: { expression, variables: ['theta'] },
      axis: path.axis,
      held,
      swept: { from: path.values[0], to: path.values[path.values.length - 1], points: path.values.length, grid: 'log-spaced' },
      m: { from, to, points: PATH_POINTS, grid: 'linspace(from, to, points), the minimiser refined by a parabola through its grid neighbours' },
      flat: PATH_OBJECTIVES.filter((name) => !dependsOn(name, path.axis)),
    },
    columns: [
      { name: path.axis, description: `${symbol}, the swept parameter`, values: path.values },
      ...PATH_OBJECTIVES.map((name) => ({
        name: `argmin_${name}`,
        description: `the m minimising ${OBJECTIVE_STYLE[name].label}${dependsOn(name, path.axis) ? '' : ` (does not depend on ${symbol}: the same in every row)`}`,
        values: path[name],
      })),
    ],
    notes: path.warnings,
    nonFiniteMeaning: { Infinity: 'not used: a minimiser is a point of the m-domain', NaN: 'no minimiser is known at that value: see notes' },
  };
}

/** The plot's Data buttons: the path once it is computed for the current inputs. */
export function minimiserPathData(result: PathState, state: ExperimentState, expression: string | null): DataSource {
  const { path } = result;
  if (expression === null || result.status === 'error') return { ready: false, reason: 'No path to save: see the message in the panel.' };
  if (result.status === 'waiting') return { ready: false, reason: 'The path is computed when the panel is scrolled into view.' };
  if (result.status === 'computing' || !path || path.axis !== state.minimisers.axis) return { ready: false, reason: 'The path is being computed; the data can be saved when it is ready.' };
  return { ready: true, rows: path.values.length, table: () => minimiserPathTable(path, state, expression) };
}
