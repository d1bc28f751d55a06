/**
 * All five objectives of theory.md §2 on a 1-D grid of means, with their minimisers and warnings.
 * Every algorithm is linear (or n log n) in the grid size: see expected.ts, sam.ts, relaxed.ts, biconjugate.ts.
 */
import { biconjugateCurve, type BiconjugateDetail } from './biconjugate.ts';
import { expectedCurve } from './expected.ts';
import { linspace, workingGrid, type WorkingGrid } from './grid.ts';
import type { Landscape1D, Landscape1DInput } from './landscape1d.types.ts';
import { OBJECTIVES } from './objectives.ts';
import { parabolaVertex } from './refine.ts';
import { relaxedCurve } from './relaxed.ts';
import { samCurve } from './sam.ts';

export const MAX_POINTS = 1_000_000;

/** Why an input cannot be computed, or null when it can. */
export function validateLandscapeInput(input: Omit<Landscape1DInput, 'loss'>): string | null {
  const { from, to, points, sigma, rho } = input;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'from and to must be finite numbers';
  if (!(from < to)) return `from (${from}) must be less than to (${to})`;
  if (!Number.isInteger(points) || points < 2 || points > MAX_POINTS) return `points must be an integer from 2 to ${MAX_POINTS}`;
  if (!Number.isFinite(sigma) || !(sigma > 0)) return 'sigma must be a finite number > 0';
  if (!Number.isFinite(rho) || !(rho >= 0)) return 'rho must be a finite number ≥ 0';
  return null;
}

/** Padding of the working domain: wide enough for the Gaussian, the ρ-ball and the relaxed maximiser. */
export function workingPad(lossRange: number, sigma: number, rho: number, span: number): number {
  // A maximiser of ℓ(m+ε) − ε²/(2σ²) gains at most the loss range, so |ε*| ≤ σ·sqrt(2·range).
  const reach = sigma * Math.max(12, Math.sqrt(2 * Math.max(lossRange, 0)) + 2);
  return Math.max(reach, rho + span / 1000);
}

interface Computed extends Landscape1D {
  samArgmax: Float64Array;
  detail: BiconjugateDetail | null;
  grid: WorkingGrid;
}

export function computeLandscape1D(input: Landscape1DInput): Landscape1D {
  const r = computeWithDetail(input, -1);
  const { theta, loss, expected, sam, relaxed, eps, rhoEq, biconjugate, argmin, warnings } = r;
  return { theta, loss, expected, sam, relaxed, eps, rhoEq, biconjugate, argmin, warnings };
}

/** The full computation; `detailAt` (an output index or −1) asks for the majorant and atoms there. */
export function computeWithDetail(input: Landscape1DInput, detailAt: number): Computed {
  const problem = validateLandscapeInput(input);
  if (problem) throw new RangeError(problem);
  const { loss, from, to, points, sigma, rho } = input;
  const theta = linspace(from, to, points);
  const lossValues = new Float64Array(points);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < points; i++) {
    const v = loss(theta[i]);
    lossValues[i] = v;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const grid = workingGrid(loss, from, to, points, workingPad(hi - lo, sigma, rho, to - from));
  const outputs = new Int32Array(points);
  for (let i = 0; i < points; i++) outputs[i] = grid.offset + i * grid.refine;

  const expected = expectedCurve(loss, theta, sigma);
  const sam = samCurve(loss, grid, outputs, rho);
  const relaxed = relaxedCurve(loss, grid, outputs, sigma);
  const bic = biconjugateCurve(loss, grid, outputs, sigma, detailAt);
  const rhoEq = relaxed.eps.map(Math.abs);

  const warnings: string[] = [];
  const where = `(m ∈ [${fmt(grid.theta[0])}, ${fmt(grid.theta[grid.theta.length - 1])}] was searched)`;
  const lossBad = countNonFinite(lossValues);
  if (lossBad.count) warnings.push(`loss is not finite at ${lossBad.count} of ${points} points (e.g. θ = ${fmt(theta[lossBad.first])})`);
  if (expected.notFinite) warnings.push(`expected is not computable at ${expected.notFinite} points: the loss is not finite within ±9σ of m`);
  if (sam.notFinite) warnings.push(`sam is not computable at ${sam.notFinite} points: the loss is undefined inside the ρ-ball`);
  if (relaxed.infinite) warnings.push(`relaxed is +∞ at ${relaxed.infinite} points: the loss grows at least as fast as the penalty ε²/(2σ²)`);
  if (relaxed.truncated) warnings.push(`relaxed is not shown at ${relaxed.truncated} points: its maximiser lies beyond the computed domain ${where}`);
  if (relaxed.notFinite) warnings.push(`relaxed is not computable at ${relaxed.notFinite} points: the loss is nowhere finite`);
  if (bic.infinite) warnings.push(`biconjugate is +∞ at ${bic.infinite} points: the loss grows faster than any quadratic, so no quadratic majorant exists`);
  if (bic.truncated) warnings.push(`biconjugate is not shown at ${bic.truncated} points: its extremal distribution reaches the edge of the computed domain ${where}`);
  if (bic.notFinite) warnings.push(`biconjugate is not computable at ${bic.notFinite} points: the loss is not finite there`);

  const curves = { theta, loss: lossValues, expected: expected.values, sam: sam.values, relaxed: relaxed.values, eps: relaxed.eps, rhoEq, biconjugate: bic.values };
  const argmin = {} as Landscape1D['argmin'];
  for (const name of OBJECTIVES) argmin[name] = gridArgmin(theta, curves[name]);
  return { ...curves, argmin, warnings, samArgmax: sam.argmax, detail: bic.detail, grid };
}

function countNonFinite(values: Float64Array): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      if (first < 0) first = i;
      count++;
    }
  }
  return { count, first };
}

/** The minimiser on the grid, refined by the parabola through its neighbours; null if nothing is finite. */
export function gridArgmin(theta: Float64Array, values: Float64Array): number | null {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (best < 0 || values[i] < values[best])) best = i;
  if (best < 0) return null;
  if (best === 0 || best === values.length - 1) return theta[best];
  const [l, c, r] = [values[best - 1], values[best], values[best + 1]];
  if (!Number.isFinite(l) || !Number.isFinite(r)) return theta[best];
  const v = parabolaVertex(theta[best - 1], -l, theta[best], -c, theta[best + 1], -r);
  return v === null ? theta[best] : Math.min(Math.max(v, theta[best - 1]), theta[best + 1]);
}

function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

