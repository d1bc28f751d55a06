/**
 * Perceptual colour maps for the surfaces. E and B use viridis on [min, 98th percentile] so one
 * huge corner (large σ on a steep loss) does not flatten the rest; the gap uses inferno on a sqrt
 * scale from 0, because small gaps are the interesting ones (where the relaxation starts to loosen).
 */
import { interpolateInferno, interpolateViridis, rgb, ticks } from 'd3';

export type Surface = 'expected' | 'biconjugate' | 'gap';

export interface ColourMap {
  lo: number;
  hi: number;
  transform: 'linear' | 'sqrt';
  interpolator: (t: number) => string;
  /** Values above `hi` exist and are drawn in the top colour. */
  clippedAbove: boolean;
  /** All finite values are (numerically) equal, e.g. a zero gap everywhere. */
  constant: boolean;
  /** Position in [0, 1] along the colour bar (clamped). */
  t(v: number): number;
  /** 256 RGB triples, for writing pixels without parsing colour strings. */
  lut: Uint8ClampedArray;
}

const LUT_SIZE = 256;

export function makeLut(interpolator: (t: number) => string): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let k = 0; k < LUT_SIZE; k++) {
    const c = rgb(interpolator(k / (LUT_SIZE - 1)));
    lut[3 * k] = c.r;
    lut[3 * k + 1] = c.g;
    lut[3 * k + 2] = c.b;
  }
  return lut;
}

const LUTS = { viridis: makeLut(interpolateViridis), inferno: makeLut(interpolateInferno) };

export function lutIndex(t: number): number {
  return Math.round(t * (LUT_SIZE - 1));
}

/**
 * Moves the k-th smallest of a[0..n) to a[k], smaller ones before it and larger after (Hoare's
 * selection with a median-of-three pivot, O(n) expected). Sorting four 256² maps to read one quantile
 * was a 144 ms main-thread task of the 2-D panel (issue 10).
 */
export function selectKth(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Linear-interpolated quantile (as of the sorted values) of `values`, which it reorders. */
export function quantileInPlace(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return 1;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  selectKth(values, k);
  if (k + 1 >= n) return values[k];
  // The next sorted value is the smallest of those after k.
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (values[i] < next) next = values[i];
  return values[k] + (h - k) * (next - values[k]);
}

export function makeColourMap(values: Float64Array, surface: Surface): ColourMap {
  const finite = new Float64Array(values.length);
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    finite[count++] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) [min, max] = [0, 1];
  const isGap = surface === 'gap';
  let lo = isGap ? 0 : min;
  let hi = isGap ? max : quantileInPlace(finite.subarray(0, count), 0.98);
  // Round-off makes an exactly tight relaxation show gaps of ~1e-12 times the loss scale.
  const scale = Math.max(Math.abs(min), Math.abs(max), 1e-300);
  const constant = !(hi - lo > 1e-9 * scale);
  if (constant) {
    lo = isGap ? 0 : min;
    hi = lo + (isGap || lo === 0 ? 1 : Math.abs(lo));
  }
  const transform = isGap ? 'sqrt' : 'linear';
  const span = hi - lo;
  const t = (v: number): number => {
    const u = Math.min(1, Math.max(0, (v - lo) / span));
    return transform === 'sqrt' ? Math.sqrt(u) : u;
  };
  return {
    lo,
    hi,
    transform,
    interpolator: isGap ? interpolateInferno : interpolateViridis,
    clippedAbove: !constant && max > hi,
    constant,
    t,
    lut: isGap ? LUTS.inferno : LUTS.viridis,
  };
}

/** Contour levels: nice round values for E and B; evenly spaced in colour for the sqrt-scaled gap. */
export function contourThresholds(cmap: ColourMap, count = 9): number[] {
  if (cmap.constant) return [];
  if (cmap.transform === 'linear') return ticks(cmap.lo, cmap.hi, count).filter((v) => v > cmap.lo && v < cmap.hi);
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) {
    const u = k / (count + 1);
    levels.push(cmap.lo + (cmap.hi - cmap.lo) * u * u);
  }
  return levels;
}
