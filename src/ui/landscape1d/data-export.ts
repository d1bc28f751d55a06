/**
 * The 1-D panel's curves as a data file: one row per grid point m, the five objectives as computed
 * (every grid point, not the decimated points the plot draws), with the loss, σ, ρ and domain that
 * produced them. +∞ (proven infinite) and NaN (not computable: ℓ not finite nearby, or a maximiser on
 * the edge of the searched domain) are kept as such; the maths layer's warnings say why.
 */
import type { Landscape1D } from '../../math/landscape1d.types.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState, LossSpec } from '../../state/experiment.ts';
import type { DataSource } from '../export/data-source.ts';
import type { DataTable } from '../../worker/data-table.ts';
import { FULL_LANDSCAPE_MAX } from '../../worker/landscape1d-display.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import type { Computation, Curves } from './use-landscape1d.ts';

export interface Landscape1DSettings {
  loss: LossSpec;
  /** The expression text the curves were computed from (a preset's own text). */
  expression: string;
  from: number;
  to: number;
  points: number;
  sigma: number;
  rho: number;
}

const finiteOrNull = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);

export function landscape1dTable(landscape: Landscape1D, s: Landscape1DSettings): DataTable {
  return {
    format: 'sam-bayes-lab/landscape-1d',
    title: 'The five objectives on a grid of means m',
    metadata: {
      loss: { preset: s.loss.kind === 'preset' ? s.loss.id : null, expression: s.expression, variable: 'theta' },
      sigma: s.sigma,
      rho: s.rho,
      domain: { from: s.from, to: s.to, points: s.points, grid: 'm = linspace(from, to, points)' },
      argmin: Object.fromEntries(OBJECTIVES.map((name) => [name, finiteOrNull(landscape.argmin[name])])),
    },
    columns: [
      { name: 'm', description: 'm: the mean of q = N(m, σ²), the grid point', values: landscape.theta },
      ...OBJECTIVES.map((name) => ({ name, description: `${OBJECTIVE_STYLE[name].symbol}: ${OBJECTIVE_STYLE[name].description}`, values: landscape[name] })),
    ],
    notes: landscape.warnings,
    nonFiniteMeaning: {
      Infinity: 'the value is proven infinite (e.g. ℓ grows too fast for R or B)',
      NaN: 'the value could not be computed (ℓ not finite nearby, or the maximiser reached the edge of the searched domain): see notes',
    },
  };
}

/** What the panel's Data buttons export: the curves on screen, once they are computed for the current settings. */
export function landscape1dData(curves: Computation<Curves>, ls: Landscape1DState, expression: string | null): DataSource {
  const landscape = curves.value?.landscape;
  if (expression === null) return { ready: false, reason: 'No data: the loss does not compile.' };
  if (curves.status === 'computing') return { ready: false, reason: 'The curves are being computed; the data can be saved when they are ready.' };
  if (curves.status === 'error' || !landscape) return { ready: false, reason: 'No curves to save: see the message in the panel.' };
  // Above FULL_LANDSCAPE_MAX grid points the worker sends only the points the plot draws (landscape1d-display.ts):
  // a file of those would pass for the grid while missing most of it, so none is offered.
  const gridPoints = curves.value?.points ?? landscape.theta.length;
  if (gridPoints > landscape.theta.length) {
    return {
      ready: false,
      reason: `No data file at ${gridPoints.toLocaleString('en-US')} grid points: the page holds only the ${landscape.theta.length.toLocaleString('en-US')} points the plot draws (the whole grid stays in the worker). Use at most ${FULL_LANDSCAPE_MAX.toLocaleString('en-US')} points to save every one.`,
    };
  }
  const { loss, from, to, points, sigma, rho } = ls;
  return { ready: true, rows: landscape.theta.length, table: () => landscape1dTable(landscape, { loss, expression, from, to, points, sigma, rho }) };
}
