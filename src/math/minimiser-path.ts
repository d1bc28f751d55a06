/**
 * The paper's central picture as data: the minimiser over m of each objective as σ grows, or as ρ grows
 * (theory.md §2; for the sharp-flat loss the minimisers jump from the sharp well to the flat one).
 * Each value swept is one run of the 1-D objectives (computeLandscape1D, linear in the grid size), so the
 * path is exactly what the 1-D panel would show there. Only SAM depends on ρ; E, R and B depend on σ only:
 * an objective that does not depend on the swept parameter is taken from the first value and held.
 */
import { linspace, workingGrid } from './grid.ts';
import { computeLandscape1D, gridArgmin, workingPad } from './landscape1d.ts';
import type { Loss1D } from './objectives.ts';
import { samCurve } from './sam.ts';

/** The objectives whose minimiser is traced (the loss itself depends on neither σ nor ρ). */
export const PATH_OBJECTIVES = ['expected', 'sam', 'relaxed', 'biconjugate'] as const;
export type PathObjective = (typeof PATH_OBJECTIVES)[number];

/** Which parameter the path sweeps (log-spaced); the other is held. */
export type SweepAxis = 'sigma' | 'rho';
export const AXIS_SYMBOL: Readonly<Record<SweepAxis, string>> = { sigma: 'σ', rho: 'ρ' };

/** Whether an objective changes with the parameter: S_ρ with ρ only, E_σ, R_σ and B_σ with σ only (theory.md §2–3). */
export function dependsOn(name: PathObjective, axis: SweepAxis): boolean {
  return axis === 'rho' ? name === 'sam' : name !== 'sam';
}

export interface MinimiserPathInput {
  loss: Loss1D;
  from: number;
  to: number;
  /** Grid points in m per swept value. */
  points: number;
  axis: SweepAxis;
  /** The held σ and ρ (the swept one of the two is not read). */
  sigma: number;
  rho: number;
  /** The swept values, log-spaced from sweepFrom to sweepTo. */
  sweepFrom: number;
  sweepTo: number;
  sweepPoints: number;
}

export interface MinimiserPath {
  axis: SweepAxis;
  /** The swept σ or ρ values. */
  values: Float64Array;
  /** argmin over m per swept value; NaN where it is not known (see `reasons`). */
  argmin: Record<PathObjective, Float64Array>;
  /** Why a minimiser is absent, per objective: reason → number of swept values it applies to. */
  reasons: Record<PathObjective, Record<string, number>>;
  warnings: string[];
}

export const REASON_INFINITE = 'the objective is +∞ at every m';
export const REASON_NOT_COMPUTABLE = 'the objective is not computable at some m, so its minimum is not certain';
export const REASON_EDGE = 'the minimum lies at the edge of the m-domain (it may be beyond it)';

export function logSpaced(from: number, to: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let j = 0; j < count; j++) out[j] = from * (to / from) ** (count === 1 ? 0 : j / (count - 1));
  return out;
}

/** The path computed one swept value at a time, so a worker can report progress and drop a superseded job between steps. */
export interface MinimiserPathJob {
  readonly total: number;
  done(): number;
  /** Computes the next value; false once every value is done. */
  step(): boolean;
  result(): MinimiserPath;
}

export function createMinimiserPathJob(input: MinimiserPathInput): MinimiserPathJob {
  const { loss, from, to, points, axis, sweepFrom, sweepTo, sweepPoints } = input;
  const held = axis === 'sigma' ? input.rho : input.sigma;
  const heldOk = axis === 'sigma' ? held >= 0 : held > 0;
  if (!(from < to) || !(points >= 3) || !(sweepPoints >= 1) || !(sweepFrom > 0) || !(sweepTo >= sweepFrom) || !heldOk || !Number.isFinite(held)) {
    throw new RangeError('invalid minimiser path: need from < to, points ≥ 3, sweepPoints ≥ 1, 0 < sweepFrom ≤ sweepTo, σ > 0, ρ ≥ 0');
  }
  const values = logSpaced(sweepFrom, sweepTo, sweepPoints);
  const argmin = Object.fromEntries(PATH_OBJECTIVES.map((n) => [n, new Float64Array(sweepPoints).fill(NaN)])) as MinimiserPath['argmin'];
  const reasons = Object.fromEntries(PATH_OBJECTIVES.map((n) => [n, {}])) as MinimiserPath['reasons'];
  const step = (to - from) / (points - 1);
  let j = 0;
  return {
    total: sweepPoints,
    done: () => j,
    step() {
      if (j >= sweepPoints) return false;
      const sigma = axis === 'sigma' ? values[j] : input.sigma;
      const rho = axis === 'rho' ? values[j] : input.rho;
      const record = (name: PathObjective, curve: Float64Array, at: number | null, bound: ((i: number) => number) | null) => {
        const reason = absentReason(curve, at, from, to, step, bound);
        const count = dependsOn(name, axis) ? 1 : sweepPoints;
        if (reason) reasons[name][reason] = (reasons[name][reason] ?? 0) + count;
        else argmin[name][j] = at as number;
      };
      // Held objectives are read once, at the first value, and copied: the same number at every value.
      if (j > 0) for (const name of PATH_OBJECTIVES) if (!dependsOn(name, axis)) argmin[name][j] = argmin[name][0];
      if (axis === 'rho' && j > 0) {
        // Past the first ρ only S is needed: computed alone (O(n), no hull for B), on the same grid spacing.
        const sam = samOnly(loss, from, to, points, rho);
        record('sam', sam.values, sam.at, null);
      } else {
        const curves = computeLandscape1D({ loss, from, to, points, sigma, rho });
        for (const name of PATH_OBJECTIVES) {
          if (j === 0 || dependsOn(name, axis)) record(name, curves[name], curves.argmin[name], lowerBound(name, curves.expected));
        }
      }
      j++;
      return j < sweepPoints;
    },
    result() {
      const warnings: string[] = [];
      const symbol = AXIS_SYMBOL[axis];
      for (const name of PATH_OBJECTIVES) {
        for (const [reason, count] of Object.entries(reasons[name])) warnings.push(`${name}: no minimiser at ${count} of ${sweepPoints} ${symbol} values: ${reason}`);
      }
      return { axis, values, argmin, reasons, warnings };
    },
  };
}

/**
 * S alone, as computeLandscape1D computes it: the working grid's spacing does not depend on the padding,
 * and a padding of ρ (plus a sliver) holds every window, so the values at the output points are the same.
 */
function samOnly(loss: Loss1D, from: number, to: number, points: number, rho: number): { values: Float64Array; at: number | null } {
  const theta = linspace(from, to, points);
  const grid = workingGrid(loss, from, to, points, workingPad(0, 0, rho, to - from));
  const outputs = new Int32Array(points);
  for (let i = 0; i < points; i++) outputs[i] = grid.offset + i * grid.refine;
  const values = samCurve(loss, grid, outputs, rho).values;
  return { values, at: gridArgmin(theta, values) };
}

export function computeMinimiserPath(input: MinimiserPathInput): MinimiserPath {
  const job = createMinimiserPathJob(input);
  while (job.step());
  return job.result();
}

/**
 * A lower bound of the objective at grid point i, valid where it could not be computed:
 * E ≤ B ≤ R + ½ (theory.md §2), so E bounds B and E − ½ bounds R; nothing bounds E or SAM.
 */
function lowerBound(name: PathObjective, expected: Float64Array): ((i: number) => number) | null {
  if (name === 'biconjugate') return (i) => expected[i];
  if (name === 'relaxed') return (i) => expected[i] - 0.5;
  return null;
}

function absentReason(
  values: Float64Array,
  at: number | null,
  from: number,
  to: number,
  step: number,
  bound: ((i: number) => number) | null,
): string | null {
  let best = Infinity;
  for (const v of values) if (v < best) best = v;
  // A value that could not be computed could hide a lower one, unless a bound proves it is not lower.
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) continue;
    const b = bound ? bound(i) : NaN;
    if (!(b >= best)) return REASON_NOT_COMPUTABLE;
  }
  if (at === null) return REASON_INFINITE;
  if (at - from < step / 2 || to - at < step / 2) return REASON_EDGE;
  return null;
}
