/**
 * The paper's central picture as data: the minimiser over m of each objective as σ grows
 * (theory.md §2; for the sharp-flat loss the minimisers jump from the sharp well to the flat one).
 * Each σ is one run of the 1-D objectives (computeLandscape1D, linear in the grid size), so the
 * path is exactly what the 1-D panel would show at that σ. SAM depends on ρ only, not on σ.
 */
import { computeLandscape1D } from './landscape1d.ts';
import type { Loss1D } from './objectives.ts';

/** The objectives whose minimiser is traced (the loss itself does not depend on σ). */
export const PATH_OBJECTIVES = ['expected', 'sam', 'relaxed', 'biconjugate'] as const;
export type PathObjective = (typeof PATH_OBJECTIVES)[number];

export interface MinimiserPathInput {
  loss: Loss1D;
  from: number;
  to: number;
  /** Grid points in m per σ. */
  points: number;
  rho: number;
  sigmaFrom: number;
  sigmaTo: number;
  /** σ values, log-spaced from sigmaFrom to sigmaTo. */
  sigmaPoints: number;
}

export interface MinimiserPath {
  sigma: Float64Array;
  /** argmin over m per σ; NaN where it is not known (see `reasons`). */
  argmin: Record<PathObjective, Float64Array>;
  /** Why a minimiser is absent, per objective: reason → number of σ values it applies to. */
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

/** The path computed one σ at a time, so a worker can report progress and drop a superseded job between steps. */
export interface MinimiserPathJob {
  readonly total: number;
  done(): number;
  /** Computes the next σ; false once every σ is done. */
  step(): boolean;
  result(): MinimiserPath;
}

export function createMinimiserPathJob(input: MinimiserPathInput): MinimiserPathJob {
  const { loss, from, to, points, rho, sigmaFrom, sigmaTo, sigmaPoints } = input;
  if (!(from < to) || !(points >= 3) || !(sigmaPoints >= 1) || !(sigmaFrom > 0) || !(sigmaTo >= sigmaFrom) || !(rho >= 0)) {
    throw new RangeError('invalid minimiser path: need from < to, points ≥ 3, sigmaPoints ≥ 1, 0 < sigmaFrom ≤ sigmaTo, ρ ≥ 0');
  }
  const sigma = logSpaced(sigmaFrom, sigmaTo, sigmaPoints);
  const argmin = Object.fromEntries(PATH_OBJECTIVES.map((n) => [n, new Float64Array(sigmaPoints).fill(NaN)])) as MinimiserPath['argmin'];
  const reasons = Object.fromEntries(PATH_OBJECTIVES.map((n) => [n, {}])) as MinimiserPath['reasons'];
  const step = (to - from) / (points - 1);
  let j = 0;
  return {
    total: sigmaPoints,
    done: () => j,
    step() {
      if (j >= sigmaPoints) return false;
      const curves = computeLandscape1D({ loss, from, to, points, sigma: sigma[j], rho });
      for (const name of PATH_OBJECTIVES) {
        const reason = absentReason(curves[name], curves.argmin[name], from, to, step, lowerBound(name, curves.expected));
        if (reason) reasons[name][reason] = (reasons[name][reason] ?? 0) + 1;
        else argmin[name][j] = curves.argmin[name] as number;
      }
      j++;
      return j < sigmaPoints;
    },
    result() {
      const warnings: string[] = [];
      for (const name of PATH_OBJECTIVES) {
        for (const [reason, count] of Object.entries(reasons[name])) warnings.push(`${name}: no minimiser at ${count} of ${sigmaPoints} σ values: ${reason}`);
      }
      return { sigma, argmin, reasons, warnings };
    },
  };
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
