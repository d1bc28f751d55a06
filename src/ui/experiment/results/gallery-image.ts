/** What one gallery tile needs, as pure data: an image's pixels and the classes its bars show. */

/** Image `index` of row-major images (n × rows·cols, values in [0, 1]) as RGBA grey pixels for ImageData. */
export function imagePixels(x: ArrayLike<number>, index: number, rows: number, cols: number): Uint8ClampedArray<ArrayBuffer> {
  const size = rows * cols;
  const out = new Uint8ClampedArray(size * 4);
  for (let p = 0; p < size; p++) {
    const v = Math.round(x[index * size + p] * 255); // Uint8ClampedArray clamps to 0..255 (NaN → 0)
    out[p * 4] = v;
    out[p * 4 + 1] = v;
    out[p * 4 + 2] = v;
    out[p * 4 + 3] = 255;
  }
  return out;
}

export interface ClassBar {
  /** Class index (the tile names it). */
  label: number;
  /** Probability under the mean weights, and under the model average (null without one). */
  mean: number;
  bayes: number | null;
}

/**
 * The classes worth a bar for image `index`: the `top` most probable under either predictive (by the larger
 * of the two), most probable first, ties by class index.
 */
export function classBars(mean: ArrayLike<number>, bayes: ArrayLike<number> | null, classes: number, index: number, top = 3): ClassBar[] {
  const bars: ClassBar[] = [];
  for (let c = 0; c < classes; c++) bars.push({ label: c, mean: mean[index * classes + c], bayes: bayes ? bayes[index * classes + c] : null });
  const key = (b: ClassBar) => Math.max(b.mean, b.bayes ?? -Infinity);
  return bars.sort((a, b) => key(b) - key(a) || a.label - b.label).slice(0, top);
}
