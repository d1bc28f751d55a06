/**
 * `biconjugate`: B_σ(m) = −f**(μ(m, σ)) = sup { E_p ℓ : mean m, variance σ² } = inf over quadratic
 * majorants Q ≥ ℓ of E_q[Q] (theory.md §2 fact 2, §3).
 *
 * On the working grid this is exactly the upper hull of the lifted points (θ, θ², ℓ(θ)) read at
 * (m, m² + σ²): see lifted-triangulation.ts. The hull does not depend on σ or m, so it is built once
 * (expected O(n)) and every query walks from the previous one's facet — the query curve m ↦ (m, m² + σ²)
 * crosses each facet at most a few times, so all of a curve costs O(n) after the hull.
 * The result is an explicit distribution on ≤ 3 grid atoms with mean m and variance σ², so B is never
 * overstated; its facet's quadratic is the optimal majorant Q*.
 */
import type { WorkingGrid } from './grid.ts';
import { growsSuperQuadratically } from './growth.ts';
import { liftedTriangulation, locateFacet, type Facet, type LiftedTriangulation } from './lifted-triangulation.ts';
import type { Loss1D } from './objectives.ts';

export interface BiconjugateDetail {
  value: number;
  /** The optimal majorant Q*(θ) = a + bθ + cθ² (touching ℓ at the atoms), and its extremal distribution. */
  majorant: { a: number; b: number; c: number } | null;
  atoms: { theta: number; weight: number }[];
}

export interface BiconjugateResult {
  values: Float64Array;
  infinite: number;
  truncated: number;
  notFinite: number;
  detail: BiconjugateDetail | null;
  /**
   * An a-posteriori estimate of how far the grid's B may lie below the true B, relative to max(1, |B|):
   * the largest excess of ℓ over the grid majorant Q* at the half-grid points beside the atoms (Q* + that
   * excess is a majorant, so B ≤ B_grid + excess). The caller refines the grid while it is too large.
   */
  gap: number;
}

/** The σ-independent part, shared by every σ of the (m, σ) map. */
export function liftedHull(grid: WorkingGrid): LiftedTriangulation | null {
  return liftedTriangulation(grid.theta, grid.values);
}

/** An extremal distribution: atoms (grid indices) and weights. */
interface Extremal {
  atoms: number[];
  weights: number[];
  /** The quadratic a + bθ + cθ² through the atoms' lifted points (the majorant's plane). */
  quad: { a: number; b: number; c: number };
}

/** B_σ at every output point, optionally with the geometry (majorant, atoms) at one of them. */
export function biconjugateCurve(
  loss: Loss1D,
  grid: WorkingGrid,
  outputs: Int32Array,
  sigma: number,
  detailAt = -1,
  shared: LiftedTriangulation | null = null,
): BiconjugateResult {
  const hull = shared ?? liftedHull(grid);
  try {
    return curveOnHull(loss, grid, outputs, sigma, detailAt, hull);
  } finally {
    // A hull built here dies here; a shared one belongs to the caller.
    if (!shared) hull?.release();
  }
}

function curveOnHull(
  loss: Loss1D,
  grid: WorkingGrid,
  outputs: Int32Array,
  sigma: number,
  detailAt: number,
  hull: LiftedTriangulation | null,
): BiconjugateResult {
  const { theta, values: l } = grid;
  const n = outputs.length;
  const values = new Float64Array(n);
  const result: BiconjugateResult = { values, infinite: 0, truncated: 0, notFinite: 0, detail: null, gap: 0 };
  if (l.some((x) => x === Infinity)) {
    values.fill(Infinity);
    result.infinite = n;
    return result;
  }
  const s2 = sigma * sigma;
  const last = theta.length - 1;
  let superQuadratic: boolean | null = null;
  let facet: Facet | null = null;
  for (let i = 0; i < n; i++) {
    const m = theta[outputs[i]];
    facet = hull && Number.isFinite(l[outputs[i]]) ? locateFacet(hull, m, s2, facet) : null;
    if (!hull || !Number.isFinite(l[outputs[i]])) {
      values[i] = NaN;
      result.notFinite++;
      continue;
    }
    let extremal = facet ? fromFacet(theta, l, facet) : null;
    const touchesEdge = (x: Extremal) => x.atoms.some((j, a) => (j === 0 || j === last) && x.weights[a] > 1e-12);
    if (extremal && touchesEdge(extremal)) extremal = inwardTie(theta, l, m, s2, extremal) ?? extremal;
    if (!extremal || touchesEdge(extremal)) {
      const centre = (theta[0] + theta[last]) / 2;
      const half = (theta[last] - theta[0]) / 2;
      superQuadratic ??= growsSuperQuadratically(loss, centre, half, -1) || growsSuperQuadratically(loss, centre, half, 1);
      values[i] = superQuadratic ? Infinity : NaN;
      if (superQuadratic) result.infinite++;
      else result.truncated++;
      continue;
    }
    let value = 0;
    for (let a = 0; a < extremal.atoms.length; a++) value += extremal.weights[a] * l[extremal.atoms[a]];
    values[i] = value;
    result.gap = Math.max(result.gap, majorantExcess(loss, theta, extremal) / Math.max(1, Math.abs(value)));
    if (i === detailAt) result.detail = describe(theta, extremal, value);
  }
  return result;
}

/** max of ℓ − Q at the half-grid points on either side of each atom (Q ≥ ℓ on the grid itself). */
function majorantExcess(loss: Loss1D, theta: Float64Array, ex: Extremal): number {
  const { a, b, c } = ex.quad;
  const h = theta[1] - theta[0];
  let excess = 0;
  for (let k = 0; k < ex.atoms.length; k++) {
    if (!(ex.weights[k] > 1e-12)) continue;
    for (const t of [theta[ex.atoms[k]] - h / 2, theta[ex.atoms[k]] + h / 2]) {
      const e = loss(t) - (a + b * t + c * t * t);
      if (e > excess) excess = e;
    }
  }
  return excess;
}

function fromFacet(theta: Float64Array, l: Float64Array, f: Facet): Extremal {
  const { i, j, k } = f;
  // Divided differences give the quadratic through the three lifted points.
  const dij = (l[j] - l[i]) / (theta[j] - theta[i]);
  const djk = (l[k] - l[j]) / (theta[k] - theta[j]);
  const c = (djk - dij) / (theta[k] - theta[i]);
  const b = dij - c * (theta[i] + theta[j]);
  const a = l[i] - b * theta[i] - c * theta[i] * theta[i];
  return { atoms: [i, j, k], weights: [f.wi, f.wj, f.wk], quad: { a, b, c } };
}

/**
 * When ℓ coincides with the facet's quadratic along a whole stretch (a quadratic or linear loss is the
 * extreme case), many distributions are extremal and the facet found may reach the domain's edge.
 * Take instead atoms on the same quadratic near m ± σ and at m: same value, atoms inside the domain.
 */
function inwardTie(theta: Float64Array, l: Float64Array, m: number, s2: number, ex: Extremal): Extremal | null {
  const { a, b, c } = ex.quad;
  const onQuad = (j: number) => Math.abs(l[j] - (a + b * theta[j] + c * theta[j] * theta[j])) <= 1e-10 * (1 + Math.abs(l[j]));
  const h = theta[1] - theta[0];
  const last = theta.length - 1;
  const mi = Math.round((m - theta[0]) / h);
  if (!onQuad(mi)) return null;
  let lo = Math.min(Math.floor((m - Math.sqrt(s2) - theta[0]) / h), mi - 1);
  while (lo > 0 && !onQuad(lo)) lo--;
  if (lo <= 0) return null;
  let hi = Math.max(Math.ceil((m + s2 / (m - theta[lo]) - theta[0]) / h), mi + 1);
  while (hi < last && !onQuad(hi)) hi++;
  if (hi >= last) return null;
  // Weights on (lo, mi, hi) with mean m and variance σ² (the same formula as a facet's).
  const u = [theta[lo] - m, theta[mi] - m, theta[hi] - m];
  const w = (p: number, q: number, r: number) => (s2 + q * r) / ((p - q) * (p - r));
  const weights = [w(u[0], u[1], u[2]), w(u[1], u[0], u[2]), w(u[2], u[0], u[1])];
  if (weights.some((x) => x < -1e-12)) return null;
  return { atoms: [lo, mi, hi], weights, quad: ex.quad };
}

function describe(theta: Float64Array, ex: Extremal, value: number): BiconjugateDetail {
  const atoms = ex.atoms
    .map((j, a) => ({ theta: theta[j], weight: ex.weights[a] }))
    .filter((x) => x.weight > 1e-12)
    .sort((x, y) => x.theta - y.theta);
  return { value, majorant: ex.quad, atoms };
}
