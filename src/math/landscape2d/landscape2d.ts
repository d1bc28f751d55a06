/**
 * All four 2-D objectives (theory.md §2, "2-D θ: same definitions") on an N×N grid of means, row-major
 * (row i is y_i), with warnings for values that are infinite or could not be computed.
 */
import { expectedGrid, expectedNeedsPointwise, expectedOnGrid, expectedPlan } from './expected2d.ts';
import { outputAxes, sampleForPlans } from './grid2d.ts';
import { relaxedGrid } from './relaxed2d.ts';
import { samOnGrid, samPlan } from './sam2d.ts';
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

export function computeLandscape2D(input: Landscape2DInput): Landscape2D {
  const problem = validateLandscape2DInput(input);
  if (problem) throw new RangeError(problem);
  const { loss, points, sigma, rho } = input;
  const view: View2D = { xFrom: input.xFrom, xTo: input.xTo, yFrom: input.yFrom, yTo: input.yTo };
  const base = lossGrid(loss, view, points);
  const lossRange = base.hi > base.lo ? base.hi - base.lo : 0;
  // The three working grids usually share one lattice: the loss is sampled once for all of them.
  const pointwiseExpected = expectedNeedsPointwise(view, points, sigma);
  const plans = [samPlan(rho), ...(pointwiseExpected ? [] : [expectedPlan(sigma)])];
  const [samWorking, expectedWorking] = sampleForPlans(loss, view, points, plans);
  const expected = expectedWorking ? expectedOnGrid(expectedWorking, points, sigma) : expectedGrid(loss, view, points, sigma);
  const sam = samOnGrid(loss, samWorking, points, rho);
  const relaxed = relaxedGrid(loss, view, points, sigma, lossRange);

  const cells = points * points;
  const warnings: string[] = [];
  const lossBad = base.values.reduce((k, v) => (Number.isFinite(v) ? k : k + 1), 0);
  if (lossBad) warnings.push(`loss is not finite at ${lossBad} of ${cells} points`);
  if (expected.notFinite) warnings.push(`expected is not computable at ${expected.notFinite} points: the loss is not finite within ±7σ of m`);
  if (sam.notFinite) warnings.push(`sam is not computable at ${sam.notFinite} points: the loss is undefined near the ρ-disk`);
  if (relaxed.infinite) warnings.push(`relaxed is +∞ at ${relaxed.infinite} points: the loss grows at least as fast as the penalty ‖ε‖²/(2σ²)`);
  if (relaxed.truncated) warnings.push(`relaxed is not shown at ${relaxed.truncated} points: its maximiser lies beyond the computed domain`);
  if (relaxed.notFinite) warnings.push(`relaxed is not computable at ${relaxed.notFinite} points: the loss is nowhere finite`);
  return { x: base.x, y: base.y, loss: base.values, expected: expected.values, sam: sam.values, relaxed: relaxed.values, warnings };
}
