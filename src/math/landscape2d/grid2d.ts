/**
 * Working grids of the 2-D objectives: the output grid refined by an integer factor per axis and padded
 * on every side, so each output point is a working point (index offset + i·refine) and sups and
 * integrals over the plane are taken over a domain that reaches beyond the view (like ../grid.ts in 1-D).
 */
import { linspace } from '../grid.ts';
import type { Loss2D, View2D } from './types.ts';

/** One axis of a working grid. */
export interface WorkingAxis {
  /** The output axis linspace(from, to, points). */
  from: number;
  to: number;
  points: number;
  /** Working coordinate k is start + k·h (see axisCoordinates for the exact output points). */
  start: number;
  h: number;
  count: number;
  /** Output point i is working point offset + i·refine. */
  offset: number;
  refine: number;
}

export interface WorkingGrid2D {
  xAxis: WorkingAxis;
  yAxis: WorkingAxis;
  /** ℓ at the working points, row-major (row = y index); may hold non-finite values. */
  values: Float64Array;
}

/** A working axis around linspace(from, to, points) with spacing ≤ maxStep and at least `pad` beyond both ends. */
export function workingAxis(from: number, to: number, points: number, maxStep: number, pad: number, maxCount: number, maxRefine = Infinity, padSteps = 0): WorkingAxis {
  const hOut = (to - from) / (points - 1);
  let refine = Math.max(1, Math.min(maxRefine, Math.ceil(hOut / maxStep - 1e-9)));
  // Bounded memory and time: give up resolution before padding (a truncated pad would be a wrong answer).
  while (refine > 1 && (points - 1) * refine + 1 + 2 * (Math.ceil((pad * refine) / hOut) + padSteps) > maxCount) refine--;
  const h = hOut / refine;
  // The count may still exceed maxCount (a pad of many output spacings): callers check axisFits first.
  const offset = Math.ceil(pad / h - 1e-9) + padSteps;
  return { from, to, points, start: from - offset * h, h, count: (points - 1) * refine + 1 + 2 * offset, offset, refine };
}

/**
 * Working coordinates; output points get exactly linspace's values, so the loss on the working grid
 * equals the output loss bitwise (ℓ ≤ S and ℓ ≤ R hold exactly, not up to rounding).
 */
export function axisCoordinates(axis: WorkingAxis): Float64Array {
  const out = new Float64Array(axis.count);
  const exact = linspace(axis.from, axis.to, axis.points);
  for (let k = 0; k < axis.count; k++) {
    const rel = k - axis.offset;
    out[k] = rel >= 0 && rel % axis.refine === 0 && rel / axis.refine < axis.points ? exact[rel / axis.refine] : axis.start + k * axis.h;
  }
  return out;
}

/** Indices of the output points on a working axis. */
export function outputIndices(axis: WorkingAxis, points: number): Int32Array {
  const out = new Int32Array(points);
  for (let i = 0; i < points; i++) out[i] = axis.offset + i * axis.refine;
  return out;
}

export function sampleGrid(loss: Loss2D, xAxis: WorkingAxis, yAxis: WorkingAxis): WorkingGrid2D {
  const xs = axisCoordinates(xAxis);
  const ys = axisCoordinates(yAxis);
  const values = new Float64Array(xAxis.count * yAxis.count);
  for (let r = 0; r < yAxis.count; r++) {
    const y = ys[r];
    const row = r * xAxis.count;
    for (let c = 0; c < xAxis.count; c++) values[row + c] = loss(xs[c], y);
  }
  return { xAxis, yAxis, values };
}

/** The output axes, with exact end points. */
export function outputAxes(xFrom: number, xTo: number, yFrom: number, yTo: number, points: number): { x: Float64Array; y: Float64Array } {
  return { x: linspace(xFrom, xTo, points), y: linspace(yFrom, yTo, points) };
}

/** What an objective needs from its working grid: spacing, reach beyond the view, and a size cap per axis. */
export interface GridPlan {
  maxStep: number;
  pad: number;
  maxCount: number;
  /** At most this many working steps per output step (beyond it, refining costs more than it gains). */
  maxRefine?: number;
  /** Extra working steps beyond `pad`. */
  padSteps?: number;
}

/** Whether a plan's grid stays within its size cap (checked before anything is allocated). */
export function planFits(view: View2D, points: number, plan: GridPlan): { fits: boolean; count: number; h: number } {
  const { xAxis, yAxis } = planAxes(view, points, plan);
  const count = Math.max(xAxis.count, yAxis.count);
  return { fits: count <= plan.maxCount, count, h: Math.max(xAxis.h, yAxis.h) };
}

export function planAxes(view: View2D, points: number, plan: GridPlan): { xAxis: WorkingAxis; yAxis: WorkingAxis } {
  return {
    xAxis: workingAxis(view.xFrom, view.xTo, points, plan.maxStep, plan.pad, plan.maxCount, plan.maxRefine, plan.padSteps),
    yAxis: workingAxis(view.yFrom, view.yTo, points, plan.maxStep, plan.pad, plan.maxCount, plan.maxRefine, plan.padSteps),
  };
}

/** Axis with the same spacing and a larger pad (the grids nest: same lattice, more points outside). */
function widen(a: WorkingAxis, b: WorkingAxis): WorkingAxis {
  if (b.offset <= a.offset) return a;
  return { ...a, start: a.from - b.offset * a.h, offset: b.offset, count: a.count + 2 * (b.offset - a.offset) };
}

/**
 * One working grid per plan, but plans whose lattices coincide (same refinement on both axes) share a
 * single sampling with the largest pad among them: the loss, usually the costly part, is evaluated once.
 * Every objective accepts a grid padded more than it asked for.
 */
export function sampleForPlans(loss: Loss2D, view: View2D, points: number, plans: readonly GridPlan[]): WorkingGrid2D[] {
  const axes = plans.map((p) => planAxes(view, points, p));
  const key = (a: { xAxis: WorkingAxis; yAxis: WorkingAxis }) => `${a.xAxis.refine}:${a.yAxis.refine}`;
  const merged = new Map<string, { xAxis: WorkingAxis; yAxis: WorkingAxis }>();
  for (const a of axes) {
    const cur = merged.get(key(a));
    merged.set(key(a), cur ? { xAxis: widen(cur.xAxis, a.xAxis), yAxis: widen(cur.yAxis, a.yAxis) } : a);
  }
  const sampled = new Map<string, WorkingGrid2D>();
  for (const [k, a] of merged) sampled.set(k, sampleGrid(loss, a.xAxis, a.yAxis));
  return axes.map((a) => sampled.get(key(a)) as WorkingGrid2D);
}
