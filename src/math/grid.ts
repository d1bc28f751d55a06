/** Uniform grids shared by every 1-D objective. */

/** linspace(a, b, n): n ≥ 2 equally spaced points with exact end points. */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const step = (b - a) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = a + step * i;
  out[n - 1] = b;
  return out;
}

/**
 * The working grid: the output grid refined by an integer factor and padded on both sides, so that
 * every output point is a working point (index `offset + i*refine`) and sups over the whole line are
 * taken over a domain wide enough to contain the maximisers we can see.
 */
export interface WorkingGrid {
  /** Working points θ_j, uniformly spaced by `h`. */
  theta: Float64Array;
  /** ℓ(θ_j); may hold non-finite values. */
  values: Float64Array;
  h: number;
  /** Output point i is working point offset + i * refine. */
  offset: number;
  refine: number;
}

/** Working points never exceed this many: bounded memory and time whatever σ and ρ are. */
export const MAX_WORKING_POINTS = 1 << 20;
/** At least this many working points across the plot domain, so features narrower than the output spacing are seen. */
export const MIN_POINTS_ACROSS = 2000;

export function workingGrid(
  loss: (t: number) => number,
  from: number,
  to: number,
  points: number,
  pad: number,
  minRefine = 1,
): WorkingGrid {
  const hOut = (to - from) / (points - 1);
  let refine = Math.max(minRefine, Math.ceil(MIN_POINTS_ACROSS / (points - 1)));
  let h = hOut / refine;
  let padCount = Math.ceil(pad / h);
  // Keep the grid bounded: coarsen the padding first, never the output points themselves.
  const across = (points - 1) * refine + 1;
  if (across + 2 * padCount > MAX_WORKING_POINTS) {
    refine = Math.max(1, Math.floor((MAX_WORKING_POINTS / 2 - 1) / (points - 1)));
    h = hOut / refine;
    padCount = Math.min(Math.ceil(pad / h), Math.floor((MAX_WORKING_POINTS - (points - 1) * refine - 1) / 2));
  }
  const count = (points - 1) * refine + 1 + 2 * padCount;
  const theta = new Float64Array(count);
  const values = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const t = from + (j - padCount) * h;
    theta[j] = t;
    values[j] = loss(t);
  }
  return { theta, values, h, offset: padCount, refine };
}
