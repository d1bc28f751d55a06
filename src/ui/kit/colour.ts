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

/** Linear-interpolated quantile of sorted values (d3's quantileSorted wants a plain array). */
function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 1;
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  return k + 1 < sorted.length ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[k];
}

export function makeColourMap(values: Float64Array, surface: Surface): ColourMap {
  const finite = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  const isGap = surface === 'gap';
  const min = finite.length > 0 ? finite[0] : 0;
  const max = finite.length > 0 ? finite[finite.length - 1] : 1;
  let lo = isGap ? 0 : min;
  let hi = isGap ? max : quantile(finite, 0.98);
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
