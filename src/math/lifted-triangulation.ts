/**
 * The upper hull of the lifted points (θ_j, θ_j², ℓ_j), as a triangulation of the polygon of the points
 * (θ_j, θ_j²). Those points lie on a parabola, so all of them are in convex position and every one is a
 * vertex: the hull is a triangulation of a convex polygon, and each facet (i < j < k) is a quadratic through
 * (θ_i, ℓ_i), (θ_j, ℓ_j), (θ_k, ℓ_k) that majorises ℓ at every grid point — a three-atom extremal distribution
 * of theory.md §2 fact 2. B_σ(m) is the facet over (m, m² + σ²) evaluated there.
 *
 * Built by Chew's randomised algorithm for convex polygons (expected O(n)): delete the vertices in random
 * order remembering their neighbours, then insert them back in reverse, each as a triangle on its edge
 * followed by the flips that restore local convexity. The shuffle is seeded, so results are reproducible.
 */

import { seededUniform } from './random.ts';

export interface LiftedTriangulation {
  theta: Float64Array;
  l: Float64Array;
  /** Vertices used (finite ℓ), ascending: the polygon's corners. */
  first: number;
  last: number;
  /** For an edge (u < v): the apex strictly between u and v, and the apex outside [u, v] (−1: none). */
  inner(u: number, v: number): number;
  outer(u: number, v: number): number;
  /** Hand the edge table back for reuse; the triangulation must not be used afterwards. */
  release(): void;
}

/**
 * Whether p lies clearly above the plane of the lifted facet (u, v, x): ℓ_p exceeds the quadratic through
 * (θ_u, ℓ_u), (θ_v, ℓ_v), (θ_x, ℓ_x) at θ_p by more than rounding of its Lagrange terms.
 */
function isAbove(theta: Float64Array, l: Float64Array, u: number, v: number, x: number, p: number): boolean {
  const t = theta[p];
  const tu = theta[u];
  const tv = theta[v];
  const tx = theta[x];
  const a = (l[u] * ((t - tv) * (t - tx))) / ((tu - tv) * (tu - tx));
  const b = (l[v] * ((t - tu) * (t - tx))) / ((tv - tu) * (tv - tx));
  const c = (l[x] * ((t - tu) * (t - tv))) / ((tx - tu) * (tx - tv));
  return l[p] - (a + b + c) > 1e-12 * (Math.abs(a) + Math.abs(b) + Math.abs(c) + Math.abs(l[p]));
}

export function liftedTriangulation(theta: Float64Array, l: Float64Array, seed = 1): LiftedTriangulation | null {
  const n = theta.length;
  const verts: number[] = [];
  for (let j = 0; j < n; j++) if (Number.isFinite(l[j])) verts.push(j);
  if (verts.length < 3) return null;
  const edges = new EdgeTable(verts.length);
  const inner = (u: number, v: number) => edges.get(u, v, INNER);
  const outer = (u: number, v: number) => edges.get(u, v, OUTER);
  // Triangles are passed as two of their corners in order plus a third anywhere: (a, b, c) sorted here
  // without allocating, since this runs a few times per vertex.
  const addTri = (a: number, b: number, c: number) => {
    const i = Math.min(a, b, c);
    const k = Math.max(a, b, c);
    const j = a + b + c - i - k;
    edges.set(i, j, OUTER, k);
    edges.set(j, k, OUTER, i);
    edges.set(i, k, INNER, j);
  };
  const removeTri = (a: number, b: number, c: number) => {
    const i = Math.min(a, b, c);
    const k = Math.max(a, b, c);
    const j = a + b + c - i - k;
    edges.clear(i, j, OUTER, k);
    edges.clear(j, k, OUTER, i);
    edges.clear(i, k, INNER, j);
  };

  // Delete all but three vertices in random order from the cyclic polygon, remembering the neighbours.
  const m = verts.length;
  const prev = new Int32Array(m);
  const next = new Int32Array(m);
  for (let s = 0; s < m; s++) {
    prev[s] = (s + m - 1) % m;
    next[s] = (s + 1) % m;
  }
  const order = Int32Array.from({ length: m }, (_, s) => s);
  const random = seededUniform(seed);
  for (let s = m - 1; s > 0; s--) {
    const r = Math.floor(random() * (s + 1));
    const tmp = order[s];
    order[s] = order[r];
    order[r] = tmp;
  }
  const leftAt = new Int32Array(m);
  const rightAt = new Int32Array(m);
  for (let s = 0; s < m - 3; s++) {
    const p = order[s];
    leftAt[p] = prev[p];
    rightAt[p] = next[p];
    next[prev[p]] = next[p];
    prev[next[p]] = prev[p];
  }
  addTri(verts[order[m - 3]], verts[order[m - 2]], verts[order[m - 1]]);

  // Insert them back in reverse; each new triangle's far edge is flipped while the new point lies above.
  const stack: number[] = [];
  for (let s = m - 4; s >= 0; s--) {
    const p = verts[order[s]];
    const a = verts[leftAt[order[s]]];
    const b = verts[rightAt[order[s]]];
    addTri(a, p, b);
    stack.push(Math.min(a, b), Math.max(a, b));
    while (stack.length) {
      const v = stack.pop() as number;
      const u = stack.pop() as number;
      const x = u < p && p < v ? outer(u, v) : inner(u, v);
      if (x < 0) continue;
      if (!isAbove(theta, l, u, v, x, p)) continue;
      removeTri(u, v, x);
      removeTri(u, v, p);
      addTri(u, p, x);
      addTri(v, p, x);
      stack.push(Math.min(u, x), Math.max(u, x), Math.min(v, x), Math.max(v, x));
    }
  }
  return { theta, l, first: verts[0], last: verts[m - 1], inner, outer, release: () => edges.release() };
}

const INNER = 0;
const OUTER = 1;

/**
 * Edge (u < v) → its two apexes, in an open-addressing hash table: one interleaved Int32Array of
 * (u, v, inner apex, outer apex) slots (a Map of numbers was the hull's bottleneck). Dead edges (both apexes
 * −1) are dropped when the table grows.
 */
class EdgeTable {
  // Slots hold (u + 1, v, inner + 1, outer + 1): 0 means empty or none, so a fresh (zeroed) array is
  // already an empty table — filling 4 MB with −1 cost more than the whole walk.
  private slots: Int32Array = new Int32Array(0);
  private shift = 0;
  private used = 0;
  /**
   * One released table kept for the next hull: a fresh multi-megabyte array per curve made the garbage
   * collector pause every few calls (bimodal timings while dragging a slider).
   */
  private static spare: Int32Array | null = null;
  constructor(vertices: number) {
    this.setSlots(EdgeTable.empty(8 * vertices));
  }
  private static empty(capacity: number): Int32Array {
    const length = 4 << Math.ceil(Math.log2(Math.max(64, capacity)));
    const spare = EdgeTable.spare;
    if (spare && spare.length === length) {
      EdgeTable.spare = null;
      return spare.fill(0);
    }
    return new Int32Array(length);
  }
  release(): void {
    EdgeTable.spare = this.slots;
    this.slots = new Int32Array(0);
  }
  private setSlots(slots: Int32Array): void {
    this.slots = slots;
    this.shift = 32 - Math.log2(slots.length >> 2);
  }
  private slot(u: number, v: number, create: boolean): number {
    const s = this.slots;
    const mask = (s.length >> 2) - 1;
    // A mixing hash: placing a vertex's edges side by side clustered the probes (measured 4–50× slower).
    // Multiplicative hashing keeps the product's high bits: its low bits barely mix.
    let h = Math.imul(Math.imul(u, 0x9e3779b1) ^ v, 0x85ebca77) >>> this.shift;
    for (;;) {
      const at = h << 2;
      if (s[at] === 0) {
        if (!create) return -1;
        s[at] = u + 1;
        s[at + 1] = v;
        this.used++;
        return at;
      }
      if (s[at] === u + 1 && s[at + 1] === v) return at;
      h = (h + 1) & mask;
    }
  }
  get(u: number, v: number, side: number): number {
    const at = this.slot(u, v, false);
    return at < 0 ? -1 : this.slots[at + 2 + side] - 1;
  }
  set(u: number, v: number, side: number, x: number): void {
    if (4 * 4 * (this.used + 1) > 3 * this.slots.length) this.grow();
    this.slots[this.slot(u, v, true) + 2 + side] = x + 1;
  }
  clear(u: number, v: number, side: number, x: number): void {
    const at = this.slot(u, v, false);
    if (at >= 0 && this.slots[at + 2 + side] === x + 1) this.slots[at + 2 + side] = 0;
  }
  private grow(): void {
    const old = this.slots;
    this.setSlots(EdgeTable.empty(old.length / 2));
    this.used = 0;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0 || (old[at + 2] === 0 && old[at + 3] === 0)) continue;
      const to = this.slot(old[at] - 1, old[at + 1], true);
      this.slots[to + 2] = old[at + 2];
      this.slots[to + 3] = old[at + 3];
    }
  }
}

/** A facet (i < j < k) and the weights of the distribution on its corners with mean m and variance σ². */
export interface Facet {
  i: number;
  j: number;
  k: number;
  wi: number;
  wj: number;
  wk: number;
}

/**
 * Walk from `start` (a facet, or null) to the facet whose triangle contains (m, m² + σ²). In θ terms the
 * point is above the chord (u, v) of the parabola iff (m − θ_u)(m − θ_v) + σ² ≥ 0. Returns null when the
 * point is outside the polygon (the extremal distribution would need atoms beyond the domain).
 */
export function locateFacet(t: LiftedTriangulation, m: number, s2: number, start: Facet | null): Facet | null {
  const { theta } = t;
  const d = (u: number, v: number) => (m - theta[u]) * (m - theta[v]) + s2;
  if (d(t.first, t.last) > 0) return null;
  let i: number;
  let j: number;
  let k: number;
  if (start) ({ i, j, k } = start);
  else {
    i = t.first;
    k = t.last;
    j = t.inner(i, k);
  }
  for (let steps = 0; steps < 4 * theta.length + 16; steps++) {
    if (d(i, j) < 0) {
      const x = t.inner(i, j);
      if (x < 0) return null;
      k = j;
      j = x;
    } else if (d(j, k) < 0) {
      const x = t.inner(j, k);
      if (x < 0) return null;
      i = j;
      j = x;
    } else if (d(i, k) > 0) {
      const x = t.outer(i, k);
      if (x < 0) return null;
      if (x < i) {
        j = i;
        i = x;
      } else {
        j = k;
        k = x;
      }
    } else {
      const u = [theta[i] - m, theta[j] - m, theta[k] - m];
      const w = (a: number, b: number, c: number) => (s2 + b * c) / ((a - b) * (a - c));
      return { i, j, k, wi: w(u[0], u[1], u[2]), wj: w(u[1], u[0], u[2]), wk: w(u[2], u[0], u[1]) };
    }
  }
  return null;
}
