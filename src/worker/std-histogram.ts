/**
 * Histograms of bSAM's posterior standard deviation 1/sqrt(N·s), one per layer, computed in the worker so
 * only a few dozen counts per layer cross to the main thread. The std spans decades (s grows with the
 * curvature a weight sees), so the bins are equal in log10 and shared by all layers, which makes the layers
 * comparable at a glance.
 */

export const STD_BINS = 24;

export interface LayerStd {
  layer: string;
  values: Float32Array;
}

export interface StdHistogram {
  layer: string;
  /** Counts per bin of log10(std); STD_BINS entries. */
  counts: number[];
  /** Number of finite positive values counted, and their min, median and max (NaN when none). */
  total: number;
  min: number;
  median: number;
  max: number;
}

export interface StdHistograms {
  /** The shared bin range in log10(std): bin b covers [from + b·w, from + (b+1)·w), the last includes `to`. */
  log10From: number;
  log10To: number;
  layers: StdHistogram[];
}

/** Half a decade around a degenerate range (at step 0 every std is the same 1/sqrt(N·s_init)). */
const MIN_SPAN = 0.1;

export function stdHistograms(layers: LayerStd[], bins = STD_BINS): StdHistograms {
  let lo = Infinity;
  let hi = -Infinity;
  const logs = layers.map(({ values }) => {
    const out: number[] = [];
    for (const v of values) {
      if (!(v > 0) || !Number.isFinite(v)) continue;
      const l = Math.log10(v);
      out.push(l);
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
    return out;
  });
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = MIN_SPAN;
  } else if (hi - lo < MIN_SPAN) {
    const mid = (lo + hi) / 2;
    lo = mid - MIN_SPAN / 2;
    hi = mid + MIN_SPAN / 2;
  }
  const width = (hi - lo) / bins;
  return {
    log10From: lo,
    log10To: hi,
    layers: layers.map(({ layer }, k) => {
      const counts = new Array<number>(bins).fill(0);
      for (const l of logs[k]) counts[Math.min(bins - 1, Math.max(0, Math.floor((l - lo) / width)))]++;
      const sorted = logs[k].slice().sort((a, b) => a - b);
      const at = (q: number) => (sorted.length ? 10 ** sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
      return { layer, counts, total: sorted.length, min: sorted.length ? 10 ** sorted[0] : NaN, median: at(0.5), max: sorted.length ? 10 ** sorted[sorted.length - 1] : NaN };
    }),
  };
}
