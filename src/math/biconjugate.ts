/**
 * `biconjugate`: B_σ(m) = sup { E_p ℓ : mean m, variance σ² } = inf_{c ≥ 0} [U_c(m) + c(m² + σ²)],
 * U_c the upper concave envelope of ℓ(θ) − cθ² (theory.md §2 fact 2, §3).
 *
 * For fixed m, φ(c) = U_c(m) + c(m²+σ²) is convex and piecewise linear: on the envelope's chord (a, b)
 * through m it equals E_p ℓ + c(σ² − V), p the two-atom distribution on a, b with mean m and
 * V = (m−a)(b−m) its variance. Two facts make this fast:
 *  - the contact set of the envelope only grows with c, so chords shrink as c grows;
 *  - hence on a bracket [c_lo, c_hi] every chord through m has its ends in [a_lo, a_hi] and [b_hi, b_lo].
 * One pass over a coarse log-spaced c grid (one O(n) hull each) brackets the minimum for every m; then
 * Kelley's cutting planes, each a bridge over m found among the few points left in the bracket, land on
 * the exact breakpoint. There B is the mixture of the two bracketing chords: an explicit distribution
 * with mean m and variance σ² on ≤ 3 (at most 4 while unconverged) atoms, so B is never overstated.
 */
import type { WorkingGrid } from './grid.ts';
import { growsSuperQuadratically } from './growth.ts';
import type { Loss1D } from './objectives.ts';

/** A chord of the envelope through m: atoms a ≤ m ≤ b (working indices), E = E_p ℓ, V = Var_p. */
interface Chord {
  c: number;
  a: number;
  b: number;
  E: number;
  V: number;
}

export interface BiconjugateDetail {
  value: number;
  /** c* of the optimal majorant Q*(θ) = a + bθ + cθ², and its extremal distribution. */
  majorant: { a: number; b: number; c: number } | null;
  atoms: { theta: number; weight: number }[];
}

export interface BiconjugateResult {
  values: Float64Array;
  infinite: number;
  truncated: number;
  notFinite: number;
}

const COARSE_C = 16;
/** Brackets are split until every m's chord ends move by at most this many grid points inside them. */
const NARROW = 48;
const SPLITS = 3;
const MAX_KELLEY = 60;

/** Upper hull (indices) of the points (θ_j, v_j) with finite v, Andrew's monotone chain; returns its length. */
function upperHull(theta: Float64Array, v: Float64Array, out: Int32Array): number {
  return upperHullOver(theta, v, out, [[0, v.length - 1]]);
}

/** Upper hull over the points of several disjoint sorted index spans. */
function upperHullOver(theta: Float64Array, v: Float64Array, out: Int32Array, spans: [number, number][]): number {
  let k = 0;
  for (const [from, to] of spans) {
    for (let j = from; j <= to; j++) {
      if (!Number.isFinite(v[j])) continue;
      while (k >= 2) {
        const p = out[k - 2];
        const q = out[k - 1];
        if ((theta[q] - theta[p]) * (v[j] - v[p]) - (v[q] - v[p]) * (theta[j] - theta[p]) >= 0) k--;
        else break;
      }
      out[k++] = j;
    }
  }
  return k;
}

/** Sort and merge overlapping or touching index spans. */
function mergedSpans(spans: [number, number][]): [number, number][] {
  spans.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function makeChord(theta: Float64Array, l: Float64Array, c: number, a: number, b: number, m: number): Chord {
  if (a === b) return { c, a, b, E: l[a], V: 0 };
  const ta = theta[a];
  const tb = theta[b];
  const lambda = (tb - m) / (tb - ta);
  return { c, a, b, E: lambda * l[a] + (1 - lambda) * l[b], V: (m - ta) * (tb - m) };
}

/**
 * The envelope's chord over m at curvature c, when its ends are known to lie in [aLo, aHi] and [bLo, bHi]
 * (all θ ≤ m on the left, ≥ m on the right): alternate best responses until neither end moves, which
 * only happens at the supporting line, i.e. the bridge.
 */
function bridge(theta: Float64Array, l: Float64Array, c: number, m: number, aLo: number, aHi: number, bLo: number, bHi: number): Chord {
  const v = (j: number) => l[j] - c * theta[j] * theta[j];
  const value = (a: number, b: number) =>
    a === b ? v(a) : ((theta[b] - m) * v(a) + (m - theta[a]) * v(b)) / (theta[b] - theta[a]);
  let a = aHi;
  let b = bLo;
  for (let pass = 0; pass < 64; pass++) {
    let bestA = a;
    let best = value(a, b);
    for (let j = aLo; j <= aHi; j++) {
      if (!Number.isFinite(l[j])) continue;
      const x = value(j, b);
      if (x > best) { best = x; bestA = j; }
    }
    let bestB = b;
    for (let j = bLo; j <= bHi; j++) {
      if (!Number.isFinite(l[j])) continue;
      const x = value(bestA, j);
      if (x > best) { best = x; bestB = j; }
    }
    if (bestA === a && bestB === b) break;
    a = bestA;
    b = bestB;
  }
  return makeChord(theta, l, c, a, b, m);
}

interface Solved {
  value: number;
  lo: Chord;
  hi: Chord | null;
  /** Weight of `lo` in the mixture (1 when hi is null). */
  w: number;
}

/** Solve one m from its coarse bracket: Kelley's cutting planes on φ(c) restricted to the bracket. */
function solveOne(theta: Float64Array, l: Float64Array, m: number, s2: number, lo: Chord, hi: Chord | null): Solved {
  if (hi === null) return { value: lo.E, lo, hi: null, w: 1 };
  for (let iter = 0; iter < MAX_KELLEY; iter++) {
    if (hi.V >= lo.V) break;
    const cx = Math.min(Math.max((lo.E - hi.E) / (lo.V - hi.V), lo.c), hi.c);
    const planes = lo.E + cx * (s2 - lo.V);
    const chord = bridge(theta, l, cx, m, Math.min(lo.a, hi.a), Math.max(lo.a, hi.a), Math.min(lo.b, hi.b), Math.max(lo.b, hi.b));
    const phi = chord.E + cx * (s2 - chord.V);
    if (phi <= planes + 1e-13 * (1 + Math.abs(planes))) break;
    if (chord.V > s2) lo = chord;
    else hi = chord;
    if (chord.V === s2) return { value: chord.E, lo: chord, hi: null, w: 1 };
  }
  if (hi.V >= lo.V) return { value: hi.E, lo: hi, hi: null, w: 1 };
  const w = (s2 - hi.V) / (lo.V - hi.V);
  return { value: w * lo.E + (1 - w) * hi.E, lo, hi, w };
}

function coarseCurvatures(theta: Float64Array, l: Float64Array, sigma: number): Float64Array {
  // Beyond half the largest discrete curvature, ℓ − cθ² is concave and the envelope is ℓ itself; below
  // minus half the largest concavity, ℓ − cθ² is convex and the envelope is +∞ on the line: c* lies between.
  let maxCurv = 0;
  let maxConcavity = 0;
  for (let j = 1; j + 1 < l.length; j++) {
    const d2 = (l[j + 1] - 2 * l[j] + l[j - 1]) / ((theta[j + 1] - theta[j]) * (theta[j] - theta[j - 1]));
    if (d2 > maxCurv) maxCurv = d2;
    if (-d2 > maxConcavity) maxConcavity = -d2;
  }
  const cMax = 2 * Math.max(maxCurv, 1 / (sigma * sigma));
  const out: number[] = [];
  if (maxConcavity > 0) for (let k = 0; k < COARSE_C / 2; k++) out.push(-maxConcavity * 10 ** (-8 * (k / (COARSE_C / 2 - 1))));
  out.push(0);
  for (let k = 0; k < COARSE_C; k++) out.push(cMax * 10 ** (-8 * (1 - k / (COARSE_C - 1))));
  return Float64Array.from(out);
}

/** Coarse pass: for each c, the chord through each output point (as working indices). */
function coarseChords(theta: Float64Array, l: Float64Array, outputs: Int32Array, cs: Float64Array) {
  const n = outputs.length;
  const a = new Int32Array(cs.length * n);
  const b = new Int32Array(cs.length * n);
  const v = new Float64Array(l.length);
  const hull = new Int32Array(l.length);
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    for (let j = 0; j < l.length; j++) v[j] = l[j] - c * theta[j] * theta[j];
    const len = upperHull(theta, v, hull);
    let seg = 0;
    for (let i = 0; i < n; i++) {
      const q = outputs[i];
      while (seg + 1 < len && hull[seg + 1] <= q) seg++;
      const left = hull[seg];
      const right = left === q || seg + 1 >= len ? left : hull[seg + 1];
      a[k * n + i] = left <= q ? left : -1;
      b[k * n + i] = left <= q ? right : -1;
    }
  }
  return { a, b };
}

/** The σ-independent part: coarse curvatures (cMax from the smallest σ) and the chords at each. */
export interface CoarseEnvelopes {
  cs: Float64Array;
  a: Int32Array;
  b: Int32Array;
}

export function coarseEnvelopes(grid: WorkingGrid, outputs: Int32Array, smallestSigma: number): CoarseEnvelopes {
  const cs = coarseCurvatures(grid.theta, grid.values, smallestSigma);
  return { cs, ...coarseChords(grid.theta, grid.values, outputs, cs) };
}

/**
 * B_σ at every output point for one σ, optionally with the geometry (majorant, atoms) at one of them.
 * `coarse` may be shared between several σ ≥ the σ it was built for.
 */
export function biconjugateCurve(
  loss: Loss1D,
  grid: WorkingGrid,
  outputs: Int32Array,
  sigma: number,
  detailAt = -1,
  coarse: CoarseEnvelopes = coarseEnvelopes(grid, outputs, sigma),
): BiconjugateResult & { detail: BiconjugateDetail | null } {
  const { theta, values: l } = grid;
  const n = outputs.length;
  const values = new Float64Array(n);
  const result = { values, infinite: 0, truncated: 0, notFinite: 0, detail: null as BiconjugateDetail | null };
  if (l.some((x) => x === Infinity)) {
    values.fill(Infinity);
    result.infinite = n;
    return result;
  }
  const s2 = sigma * sigma;
  const { cs, a, b } = coarse;
  const last = theta.length - 1;
  const halfWidth = (theta[last] - theta[0]) / 2;
  let superQuadratic: boolean | null = null;
  const los: (Chord | null)[] = new Array(n).fill(null);
  const his: (Chord | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const m = theta[outputs[i]];
    if (a[i] < 0 || !Number.isFinite(l[outputs[i]])) continue;
    const chordAt = (k: number) => makeChord(theta, l, cs[k], a[k * n + i], b[k * n + i], m);
    // Slopes σ² − V increase with c: binary-search the first c whose chord is no wider than σ².
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const V = (m - theta[a[mid * n + i]]) * (theta[b[mid * n + i]] - m);
      if (V > s2) lo = mid + 1;
      else hi = mid;
    }
    const k = lo;
    los[i] = chordAt(Math.max(k - 1, 0));
    his[i] = k > 0 && k < cs.length ? chordAt(k) : null;
  }
  narrowBrackets(theta, l, outputs, s2, los, his);
  for (let i = 0; i < n; i++) {
    const m = theta[outputs[i]];
    const lo = los[i];
    if (lo === null) {
      values[i] = NaN;
      result.notFinite++;
      continue;
    }
    let solved = solveOne(theta, l, m, s2, lo, his[i]);
    const touchesEdge = (x: Solved) => [x.lo.a, x.lo.b, x.hi?.a ?? x.lo.a, x.hi?.b ?? x.lo.b].some((j) => j === 0 || j === last);
    if (touchesEdge(solved)) solved = avoidEdges(theta, l, m, s2, solved) ?? solved;
    if (touchesEdge(solved)) {
      const centre = (theta[0] + theta[last]) / 2;
      superQuadratic ??= growsSuperQuadratically(loss, centre, halfWidth, -1) || growsSuperQuadratically(loss, centre, halfWidth, 1);
      values[i] = superQuadratic ? Infinity : NaN;
      if (superQuadratic) result.infinite++;
      else result.truncated++;
      continue;
    }
    values[i] = solved.value;
    if (i === detailAt) result.detail = describe(theta, l, m, solved);
  }
  return result;
}

/**
 * Split the coarse brackets shared by groups of m until every chord's ends are pinned to a few grid points.
 * A group's hulls only need the points inside its widest chord (all others lie below the envelope there).
 */
function narrowBrackets(theta: Float64Array, l: Float64Array, outputs: Int32Array, s2: number, los: (Chord | null)[], his: (Chord | null)[]): void {
  const v = new Float64Array(l.length);
  const hull = new Int32Array(l.length);
  for (let level = 0; level < 24; level++) {
    // Group the unfinished m by their bracket (lo.c, hi.c): each group shares its new hulls.
    const groups = new Map<number, Map<number, number[]>>();
    for (let i = 0; i < los.length; i++) {
      const lo = los[i];
      const hi = his[i];
      if (!lo || !hi || hi.a - lo.a + (lo.b - hi.b) <= NARROW) continue;
      let byHi = groups.get(lo.c);
      if (!byHi) groups.set(lo.c, (byHi = new Map()));
      const group = byHi.get(hi.c);
      if (group) group.push(i);
      else byHi.set(hi.c, [i]);
    }
    if (groups.size === 0) return;
    for (const members of [...groups.values()].flatMap((byHi) => [...byHi.values()])) {
      const c0 = (los[members[0]] as Chord).c;
      const c1 = (his[members[0]] as Chord).c;
      // Only the ends' intervals matter: between hi.a and hi.b every point is below every chord of the bracket.
      const spans = mergedSpans(members.flatMap((i) => {
        const lo = los[i] as Chord;
        const hi = his[i] as Chord;
        // min/max: with (nearly) collinear points, rounding can break the nesting of chords slightly.
        return [[Math.min(lo.a, hi.a), Math.max(lo.a, hi.a, outputs[i])], [Math.min(hi.b, lo.b, outputs[i]), Math.max(hi.b, lo.b)]] as [number, number][];
      }));
      for (let t = 1; t <= SPLITS; t++) {
        const c = c0 + ((c1 - c0) * t) / (SPLITS + 1);
        for (const [from, to] of spans) for (let j = from; j <= to; j++) v[j] = l[j] - c * theta[j] * theta[j];
        const len = upperHullOver(theta, v, hull, spans);
        let seg = 0;
        for (const i of members) {
          const q = outputs[i];
          while (seg + 1 < len && hull[seg + 1] <= q) seg++;
          const left = hull[seg];
          const right = left === q || seg + 1 >= len ? left : hull[seg + 1];
          if (left > q || right < q || (left === right && left !== q)) continue;
          const V = (theta[q] - theta[left]) * (theta[right] - theta[q]);
          if (V > s2) los[i] = makeChord(theta, l, c, left, right, theta[q]);
          else if (c < (his[i] as Chord).c) his[i] = makeChord(theta, l, c, left, right, theta[q]);
        }
      }
    }
  }
}

/**
 * When ℓ − c*θ² is flat along a whole stretch (a quadratic loss is the extreme case), many distributions are
 * extremal and the first found may sit on the domain's edge. Pick instead the pair on the same supporting
 * line closest to m ± σ, mixed with the narrow chord: same value, atoms inside the domain.
 */
function avoidEdges(theta: Float64Array, l: Float64Array, m: number, s2: number, solved: Solved): Solved | null {
  const { lo, hi } = solved;
  if (!hi) return null;
  const c = lo.V !== hi.V ? (lo.E - hi.E) / (lo.V - hi.V) : lo.c;
  const va = l[lo.a] - c * theta[lo.a] ** 2;
  const slope = (l[lo.b] - c * theta[lo.b] ** 2 - va) / (theta[lo.b] - theta[lo.a]);
  const onLine = (j: number) => Math.abs(l[j] - c * theta[j] ** 2 - (va + slope * (theta[j] - theta[lo.a]))) <= 1e-10 * (1 + Math.abs(l[j]));
  const h = theta[1] - theta[0];
  const sigma = Math.sqrt(s2);
  const last = theta.length - 1;
  // Any point on the supporting line will do (ties), not only those inside the bracket.
  const mi = Math.round((m - theta[0]) / h);
  let a = Math.min(Math.floor((m - sigma - theta[0]) / h), mi - 1);
  while (a > 0 && !onLine(a)) a--;
  if (a <= 0 || theta[a] >= m) return null;
  let b = Math.max(Math.ceil((m + s2 / (m - theta[a]) - theta[0]) / h), mi + 1);
  while (b < last && !onLine(b)) b++;
  if (b >= last) return null;
  const wide = makeChord(theta, l, c, a, b, m);
  // The narrow side: m itself when it is on the line (variance 0), else the bracket's narrow chord.
  const narrow = onLine(mi) ? makeChord(theta, l, c, mi, mi, m) : hi;
  if (wide.V < s2 || narrow.b === last || narrow.a === 0) return null;
  if (wide.V === narrow.V) return { value: wide.E, lo: wide, hi: null, w: 1 };
  const w = (s2 - narrow.V) / (wide.V - narrow.V);
  return { value: w * wide.E + (1 - w) * narrow.E, lo: wide, hi: narrow, w };
}

/** The extremal distribution (merged atoms) and the optimal majorant Q* touching ℓ at them. */
function describe(theta: Float64Array, l: Float64Array, m: number, solved: Solved): BiconjugateDetail {
  const weights = new Map<number, number>();
  const add = (chord: Chord, w: number) => {
    if (chord.a === chord.b) {
      weights.set(chord.a, (weights.get(chord.a) ?? 0) + w);
      return;
    }
    const lambda = (theta[chord.b] - m) / (theta[chord.b] - theta[chord.a]);
    weights.set(chord.a, (weights.get(chord.a) ?? 0) + w * lambda);
    weights.set(chord.b, (weights.get(chord.b) ?? 0) + w * (1 - lambda));
  };
  add(solved.lo, solved.w);
  if (solved.hi) add(solved.hi, 1 - solved.w);
  const atoms = [...weights.entries()]
    .filter(([, w]) => w > 1e-12)
    .sort((x, y) => x[0] - y[0])
    .map(([j, weight]) => ({ theta: theta[j], weight }));
  // c* is the breakpoint where both chords' planes meet; Q* = c*θ² + the chord's supporting line.
  const { lo, hi } = solved;
  const c = hi && lo.V !== hi.V ? Math.max(0, (lo.E - hi.E) / (lo.V - hi.V)) : lo.c;
  const chord = lo;
  const va = l[chord.a] - c * theta[chord.a] ** 2;
  const vb = l[chord.b] - c * theta[chord.b] ** 2;
  // A one-atom chord (m is a contact point): the supporting line is the tangent of ℓ − cθ² there.
  const j = Math.min(Math.max(chord.a, 1), theta.length - 2);
  const tangent = (l[j + 1] - l[j - 1]) / (theta[j + 1] - theta[j - 1]) - 2 * c * theta[chord.a];
  const slope = chord.a === chord.b ? tangent : (vb - va) / (theta[chord.b] - theta[chord.a]);
  return { value: solved.value, majorant: { a: va - slope * theta[chord.a], b: slope, c }, atoms };
}
