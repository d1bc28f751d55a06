/**
 * All five objectives of theory.md §2 on a 1-D grid of means, with their minimisers and warnings.
 * Every algorithm is linear (or n log n) in the grid size: see expected.ts, sam.ts, relaxed.ts, biconjugate.ts.
 */
import { biconjugateCurve, type BiconjugateDetail, type BiconjugateResult } from './biconjugate.ts';
import { expectedCurve, type ExpectedResult } from './expected.ts';
import { linspace, workingGrid, type WorkingGrid } from './grid.ts';
import { clearlySuperQuadratic } from './growth.ts';
import type { Landscape1D, Landscape1DInput } from './landscape1d.types.ts';
import { OBJECTIVES, type Loss1D, type ObjectiveName } from './objectives.ts';
import { parabolaVertex } from './refine.ts';
import { relaxedCurve, type RelaxedResult } from './relaxed.ts';
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
  // A maximiser of ℓ(m+ε) − ε²/(2σ²) gains at most the loss range, so |ε*| ≤ σ·sqrt(2·range). Capped at
  // 200σ (a range of 2e4): beyond, a maximiser on the domain's edge is reported as such, never guessed,
  // and a loss spanning 1e308 does not ask for a grid of a million points.
  const reach = sigma * Math.min(200, Math.max(12, Math.sqrt(2 * Math.max(lossRange, 0)) + 2));
  return Math.max(reach, rho + span / 1000);
}

interface Computed extends Landscape1D {
  samArgmax: Float64Array;
  detail: BiconjugateDetail | null;
  grid: WorkingGrid;
}

/** Called between the stages of a computation (for a progress bar): the stage just starting, and the fraction done. */
export type Landscape1DProgress = (stage: ObjectiveName, fraction: number) => void;

export function computeLandscape1D(input: Landscape1DInput, onProgress?: Landscape1DProgress): Landscape1D {
  const r = computeWithDetail(input, -1, onProgress);
  const { theta, loss, expected, sam, relaxed, eps, rhoEq, biconjugate, argmin, warnings } = r;
  return { theta, loss, expected, sam, relaxed, eps, rhoEq, biconjugate, argmin, warnings };
}

/** The full computation; `detailAt` (an output index or −1) asks for the majorant and atoms there. */
export function computeWithDetail(input: Landscape1DInput, detailAt: number, onProgress: Landscape1DProgress = () => {}): Computed {
  const problem = validateLandscapeInput(input);
  if (problem) throw new RangeError(problem);
  const { loss, from, to, points, sigma, rho } = input;
  onProgress('loss', 0);
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
  // Super-quadratic growth makes R and B +∞ for every m: say so without building their (large) grid.
  const centre = (from + to) / 2;
  const scale = (to - from) / 20;
  const superQuadratic = clearlySuperQuadratic(loss, centre, scale, -1) || clearlySuperQuadratic(loss, centre, scale, 1);
  const pad = superQuadratic ? workingPad(0, 0, rho, to - from) : workingPad(hi - lo, sigma, rho, to - from);
  const grid = workingGrid(loss, from, to, points, pad);
  const outputs = new Int32Array(points);
  for (let i = 0; i < points; i++) outputs[i] = grid.offset + i * grid.refine;

  // Rough shares of the time, for the progress bar: B's hull dominates.
  onProgress('expected', 0.1);
  const expected = expectedCurve(loss, theta, sigma);
  onProgress('sam', 0.2);
  const sam = samCurve(loss, grid, outputs, rho);
  onProgress('relaxed', 0.3);
  const relaxed = superQuadratic ? infiniteRelaxed(points) : relaxedCurve(loss, grid, outputs, sigma);
  onProgress('biconjugate', 0.45);
  const bic = superQuadratic ? infiniteBiconjugate(points) : biconjugateOnFineEnoughGrid(loss, grid, { from, to, points, pad, sigma, detailAt });
  const rhoEq = relaxed.eps.map(Math.abs);

  const warnings: string[] = [];
  const where = `(m ∈ [${fmt(grid.theta[0])}, ${fmt(grid.theta[grid.theta.length - 1])}] was searched)`;
  const lossBad = countNonFinite(lossValues);
  if (lossBad.count) warnings.push(`loss is not finite at ${lossBad.count} of ${points} points (e.g. θ = ${fmt(theta[lossBad.first])})`);
  warnings.push(...expectedWarnings(expected, points));
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

/** B's accuracy target (relative above 1, absolute below), as for the other objectives. */
const B_TOLERANCE = 1e-6;
/** The finer grids B may use: a few passes, each at most 16× finer, never beyond this many points. */
const B_MAX_GRID = 1 << 18;

/**
 * B on the working grid, then on finer grids while the a-posteriori gap (biconjugate.ts) exceeds the
 * tolerance: the working spacing is decided by that error bound (a smooth ℓ's gap falls like h²), e.g.
 * tanh(50θ) at σ = 0.005 needs about σ/100, which the default spacing (σ/2) under-rated by 1e-3.
 */
function biconjugateOnFineEnoughGrid(
  loss: Loss1D,
  grid: WorkingGrid,
  o: { from: number; to: number; points: number; pad: number; sigma: number; detailAt: number },
): BiconjugateResult {
  let result = biconjugateCurve(loss, grid, outputsOf(grid, o.points), o.sigma, o.detailAt);
  let current = grid;
  for (let pass = 0; pass < 3 && result.gap > B_TOLERANCE; pass++) {
    const factor = Math.min(16, Math.ceil(1.5 * Math.sqrt(result.gap / B_TOLERANCE)));
    const across = (o.points - 1) * current.refine * factor;
    if (across + 2 * o.pad / (current.h / factor) > B_MAX_GRID) break;
    const finer = workingGrid(loss, o.from, o.to, o.points, o.pad, current.refine * factor);
    if (finer.refine <= current.refine) break;
    const next = biconjugateCurve(loss, finer, outputsOf(finer, o.points), o.sigma, o.detailAt);
    if (!(next.gap < result.gap)) break;
    const halved = next.gap <= result.gap / 2;
    result = next;
    current = finer;
    // A gap that does not fall with h (ℓ not smooth at an atom) will not be cured by finer grids.
    if (!halved) break;
  }
  return result;
}

function outputsOf(grid: WorkingGrid, points: number): Int32Array {
  const outputs = new Int32Array(points);
  for (let i = 0; i < points; i++) outputs[i] = grid.offset + i * grid.refine;
  return outputs;
}

function infiniteRelaxed(n: number): RelaxedResult {
  return { values: new Float64Array(n).fill(Infinity), eps: new Float64Array(n).fill(NaN), infinite: n, truncated: 0, notFinite: 0 };
}

function infiniteBiconjugate(n: number): BiconjugateResult {
  return { values: new Float64Array(n).fill(Infinity), infinite: n, truncated: 0, notFinite: 0, detail: null, gap: 0 };
}

function expectedWarnings(e: ExpectedResult, points: number): string[] {
  const out: string[] = [];
  const sign = e.values[0] > 0 ? '+' : '−';
  if (e.infinite) out.push(`E is ${sign}∞: the loss grows at least as fast as e^{θ²/(2σ²)}, so the expected loss diverges (expected is not drawn at ${e.infinite} of ${points} points)`);
  if (e.indefinite) out.push(`E is undefined (∞ − ∞): the loss grows like +e^{θ²/(2σ²)} on one side and −e^{θ²/(2σ²)} on the other (expected is not drawn at ${e.indefinite} points)`);
  if (e.notFinite) out.push(`expected is not computable at ${e.notFinite} points: the loss is not finite within ±${fmt(e.reach)}σ of m`);
  if (e.overflow) out.push(`expected is not computable at ${e.overflow} points: the loss or E exceeds the largest double (1.8e308) where the Gaussian weight matters`);
  return out;
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

