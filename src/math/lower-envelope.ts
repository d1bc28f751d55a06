/**
 * The squared-distance transform on arbitrary sorted sample positions: for each query q, the index p
 * minimising (pos[p] − q)² + f[p] (f = +∞ excludes p), by the lower envelope of parabolas (Felzenszwalb
 * & Huttenlocher 2012) in O(samples + queries). The 1-D relaxed curve (relaxed.ts) runs it on unit spacing;
 * the 2-D relaxed map needs unequal spacing (fine inside the view, coarse in its wide search margin).
 */
export function lowerEnvelopeArgmin(pos: Float64Array, f: Float64Array, queries: Float64Array, out: Int32Array): void {
  const n = pos.length;
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  let k = -1;
  for (let q = 0; q < n; q++) {
    if (!Number.isFinite(f[q])) continue;
    const a = f[q] + pos[q] * pos[q];
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    let s: number;
    for (;;) {
      const p = v[k];
      s = (a - (f[p] + pos[p] * pos[p])) / (2 * (pos[q] - pos[p]));
      if (s <= z[k] && k > 0) k--;
      else break;
    }
    if (s <= z[k]) {
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      continue;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  if (k < 0) {
    out.fill(-1);
    return;
  }
  let seg = 0;
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    while (z[seg + 1] < q) seg++;
    out[i] = v[seg];
  }
}
