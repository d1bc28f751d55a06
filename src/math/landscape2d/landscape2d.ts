/**
 * All four 2-D objectives (theory.md §2, "2-D θ: same definitions") on an N×N grid of means, row-major
 * (row i is y_i), with warnings for values that are infinite or could not be computed.
 */
import { expectedGrid, expectedNeedsPointwise, expectedOnGrid, expectedPlan, expectedUnbounded2D } from './expected2d.ts';
import { outputAxes, planFits, sampleForPlans } from './grid2d.ts';
import { relaxedGrid } from './relaxed2d.ts';
import { MAX_SAM_AXIS_COUNT, samOnGrid, samPlan } from './sam2d.ts';
import type { Landscape2D, Landscape2DInput, Loss2D, View2D } from './types.ts';

export const MAX_POINTS_2D = 1024;
export const MIN_POINTS_2D = 2;

/** Why an input cannot be computed, or null when it can. */
export function validateLandscape2DInput(input: Omit<Landscape2DInput, 'loss'>): string | null {
  const { xFrom, xTo, yFrom, yTo, points, sigma, rho } = input;
  if (![xFrom, xTo, yFrom, yTo].every(Number.isFinite)) return 'the x and y ranges must be finite numbers';
  if (!(xFrom < xTo)) return `x: ${xFrom} must be less than ${xTo}`;
  if (!(yFrom < yTo)) return `y: ${yFrom} must be less than ${yTo}`;
  if (!Number.isInteger(points) || points < MIN_POINTS_2D || points > MAX_POINTS_2D) return `points must be an integer from ${MIN_POINTS_2D} to ${MAX_POINTS_2D}`;
  if (!Number.isFinite(sigma) || !(sigma > 0)) return 'sigma must be a finite number > 0';
  if (!Number.isFinite(rho) || !(rho >= 0)) return 'rho must be a finite number ≥ 0';
  return null;
}

/** ℓ on the output grid, with its finite range. */
export function lossGrid(loss: Loss2D, view: View2D, points: number): { x: Float64Array; y: Float64Array; values: Float64Array; lo: number; hi: number } {
  const { x, y } = outputAxes(view.xFrom, view.xTo, view.yFrom, view.yTo, points);
  const values = new Float64Array(points * points);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < points; i++)
    for (let j = 0; j < points; j++) {
      const v = loss(x[j], y[i]);
      values[i * points + j] = v;
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  return { x, y, values, lo, hi };
}

/** Stage names reported to `onProgress` (fraction of the work done, 0..1). */
export type Progress2D = (fraction: number, stage: string) => void;

function fmt(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

export function computeLandscape2D(input: Landscape2DInput, onProgress?: Progress2D): Landscape2D {
  const problem = validateLandscape2DInput(input);
  if (problem) throw new RangeError(problem);
  const { loss, points, sigma, rho } = input;
  const view: View2D = { xFrom: input.xFrom, xTo: input.xTo, yFrom: input.yFrom, yTo: input.yTo };
  const cells = points * points;
  const warnings: string[] = [];
  onProgress?.(0, 'loss');
  const base = lossGrid(loss, view, points);
  const lossRange = base.hi > base.lo ? base.hi - base.lo : 0;

  // Every working grid is sized from the parameters before anything is allocated; one that would
  // exceed its cap is not computed, and the warning says why in words.
  const samFit = planFits(view, points, samPlan(rho));
  const expectedInfinite = expectedUnbounded2D(loss, view, sigma);
  const pointwiseExpected = expectedNeedsPointwise(view, points, sigma);
  // The working grids of sam and expected usually share one lattice: the loss is sampled once for both.
  const plans = [...(samFit.fits ? [samPlan(rho)] : []), ...(pointwiseExpected || expectedInfinite ? [] : [expectedPlan(sigma)])];
  const working = sampleForPlans(loss, view, points, plans);
  const samWorking = samFit.fits ? working.shift() : undefined;
  const expectedWorking = working.shift();

  onProgress?.(0.1, 'expected');
  let expected: { values: Float64Array; notFinite: number };
  if (expectedInfinite) {
    expected = { values: new Float64Array(cells).fill(Infinity), notFinite: 0 };
    warnings.push(`expected is +∞ everywhere: the loss grows like exp(b‖θ‖²) with 2bσ² ≥ 1 (σ = ${fmt(sigma)}), faster than the Gaussian N(m, σ²I) decays`);
  } else expected = expectedWorking ? expectedOnGrid(expectedWorking, points, sigma) : expectedGrid(loss, view, points, sigma);

  onProgress?.(0.3, 'sam');
  let sam: { values: Float64Array; notFinite: number };
  if (samWorking) sam = samOnGrid(loss, samWorking, points, rho);
  else {
    sam = { values: new Float64Array(cells).fill(NaN), notFinite: 0 };
    const span = Math.max(view.xTo - view.xFrom, view.yTo - view.yFrom);
    warnings.push(
      `sam is not computed: ρ = ${fmt(rho)} is ${fmt(rho / span)} times the view's width, so the disks would need a working grid of ${samFit.count} points per axis at spacing ${fmt(samFit.h)} (limit ${MAX_SAM_AXIS_COUNT}); zoom out or use a smaller ρ`,
    );
  }

  onProgress?.(0.6, 'relaxed');
  const relaxed = relaxedGrid(loss, view, points, sigma, lossRange);
  onProgress?.(1, 'done');

  const lossBad = base.values.reduce((k, v) => (Number.isFinite(v) ? k : k + 1), 0);
  if (lossBad) warnings.push(`loss is not finite at ${lossBad} of ${cells} points`);
  if (expected.notFinite) warnings.push(`expected is not computable at ${expected.notFinite} points: the loss is not finite (or overflows) within ±7σ of m`);
  if (sam.notFinite) warnings.push(`sam is not computable at ${sam.notFinite} points: the loss is undefined near the ρ-disk`);
  if (relaxed.refused) warnings.push(relaxed.refused);
  if (relaxed.infinite) warnings.push(`relaxed is +∞ at ${relaxed.infinite} points: the loss grows at least as fast as the penalty ‖ε‖²/(2σ²)`);
  if (relaxed.truncated) warnings.push(`relaxed is not shown at ${relaxed.truncated} points: its maximiser lies beyond the computed domain`);
  if (relaxed.notFinite && !relaxed.refused) warnings.push(`relaxed is not computable at ${relaxed.notFinite} points: the loss is nowhere finite`);
  return { x: base.x, y: base.y, loss: base.values, expected: expected.values, sam: sam.values, relaxed: relaxed.values, warnings };
}
