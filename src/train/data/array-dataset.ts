/**
 * A dataset as flat arrays, the shape an engine trains on whatever the input size: row i of `inputs` is
 * values [i·inputSize, (i+1)·inputSize), its class is labels[i]. Images are flattened row-major with pixels
 * scaled to [0, 1] (the official train.py: no normalisation, no augmentation).
 */
export interface ArraySplit {
  count: number;
  /** count × inputSize values, row-major. */
  inputs: Float32Array;
  /** count class indices in 0 … classes − 1. */
  labels: Int32Array;
}

export interface ArrayDataset {
  inputSize: number;
  classes: number;
  train: ArraySplit;
  test: ArraySplit;
  /** Names of the classes (Fashion-MNIST's "T-shirt/top", …); absent: the class numbers are shown. */
  classNames?: readonly string[];
  /** Images: their size, so a gallery can draw row i of `inputs` as rows × cols pixels. */
  image?: { rows: number; cols: number };
}

/** The first `count` rows of a split (a view: no copy). */
export function firstRows(split: ArraySplit, inputSize: number, count: number): ArraySplit {
  const n = Math.min(count, split.count);
  return { count: n, inputs: split.inputs.subarray(0, n * inputSize), labels: split.labels.subarray(0, n) };
}
