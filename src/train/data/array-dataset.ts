/**
 * Labelled rows as the engines train on them, whatever the input width: row i of `x` is values
 * [i·inputDim, (i+1)·inputDim), its class is labels[i] (the 2-D datasets as (x, y) pairs, 28×28 images as 784
 * pixels). Images are flattened row-major with pixels scaled to [0, 1] (the official train.py: no normalisation,
 * no augmentation). The row count is `labels.length`: one source, so it cannot disagree with the arrays.
 */
export interface ArraySplit {
  /** labels.length × inputDim values, row-major. */
  x: Float32Array;
  /** Class indices in 0 … classes − 1, one per row. */
  labels: Int32Array;
}

/** A dataset of any input width and class count: what both training engines take (see tabulate for 2-D points). */
export interface ArrayDataset {
  inputDim: number;
  /** Class labels are 0 … classes − 1; 2 classes train one logistic output, more a softmax. */
  classes: number;
  train: ArraySplit;
  test: ArraySplit;
  /** Names of the classes (Fashion-MNIST's "T-shirt/top", …); absent: the class numbers are shown. */
  classNames?: readonly string[];
  /** Images: their size, so a gallery can draw row i of `x` as rows × cols pixels. */
  image?: { rows: number; cols: number };
}

/** The first `count` rows of a split (a view: no copy). */
export function firstRows(split: ArraySplit, inputDim: number, count: number): ArraySplit {
  const n = Math.min(count, split.labels.length);
  return { x: split.x.subarray(0, n * inputDim), labels: split.labels.subarray(0, n) };
}
