/**
 * Parameters as ONE flat tensor [P] (or [K, P] for K stacked copies), in the layer order [w0, b0, w1, b1, …]
 * with each W row-major: the layout of the fused engine and of `bsam-trace/1`. The optimizers' elementwise
 * updates run on the flat tensor — a handful of kernels a step whatever the depth of the network, where a
 * loop over the parameter tensors dispatched each operation once per tensor (on WebGPU a dispatch is a
 * command-buffer entry and a bind group; they, not the arithmetic, limit small networks). Only the network's
 * own forward and backward pass sees the tensors one by one (`split`), and their gradients come back
 * together (`join`: one concat).
 */
import type { Params } from './mlp.ts';
import { type Scalars, tf } from './tf.ts';

export class FlatLayout {
  readonly shapes: number[][];
  readonly sizes: number[];
  readonly count: number;

  constructor(shapes: readonly (readonly number[])[]) {
    this.shapes = shapes.map((s) => [...s]);
    this.sizes = this.shapes.map((s) => s.reduce((a, b) => a * b, 1));
    this.count = this.sizes.reduce((a, b) => a + b, 0);
  }

  static of(params: Params): FlatLayout {
    return new FlatLayout(params.map((t) => t.shape));
  }

  /** The tensors of a flat [...lead, P] tensor, each [...lead, ...shape]. */
  split(flat: tf.Tensor, lead: number[] = []): Params {
    if (lead.length && tf.getBackend() === 'cpu') return this.splitOnHost(flat, lead);
    const parts = tf.split(flat, this.sizes, lead.length);
    return parts.map((p, i) => (this.shapes[i].length === 1 && lead.length === 0 ? p : tf.reshape(p, [...lead, ...this.shapes[i]])));
  }

  /**
   * split() on the cpu backend, whose values are JavaScript arrays already: its Slice kernel takes a generic
   * per-element path for the columns of [K, P] (about 3 µs an element, slower than the whole step), while
   * copying the rows' pieces here is a memcpy each.
   */
  private splitOnHost(flat: tf.Tensor, lead: number[]): Params {
    const values = flat.dataSync() as Float32Array;
    const rows = lead.reduce((a, b) => a * b, 1);
    const P = this.count;
    let offset = 0;
    return this.sizes.map((size, i) => {
      const out = new Float32Array(rows * size);
      for (let r = 0; r < rows; r++) out.set(values.subarray(r * P + offset, r * P + offset + size), r * size);
      offset += size;
      return tf.tensor(out, [...lead, ...this.shapes[i]]);
    });
  }

  /** Tensors shaped [...lead, ...shape_i] joined into one [...lead, P]. */
  join(parts: Params, lead: number[] = []): tf.Tensor {
    const flat = parts.map((p, i) => tf.reshape(p, [...lead, this.sizes[i]]));
    return flat.length === 1 ? flat[0] : tf.concat(flat, lead.length);
  }

  /** The value and the gradient (flat, like `flat`) of a loss over the split tensors, at `flat`. */
  valueAndGrad(loss: (params: Params) => tf.Scalar, flat: tf.Tensor, lead: number[] = []): { value: tf.Scalar; grad: tf.Tensor } {
    const { value, grads } = tf.valueAndGrads((...p: tf.Tensor[]) => loss(p))(this.split(flat, lead));
    return { value, grad: this.join(grads, lead) };
  }
}

/**
 * The mean of the K rows of [K, P] as [P] (bSAM's and SAM's mean over sub-batches): a [1, K]·[K, P] product, one
 * kernel on every backend. tf.mean over axis 0 transposes first on the cpu backend (a generic per-element loop,
 * slower than the rest of the step).
 */
export function meanOfRows(x: tf.Tensor, K: number, c: Scalars): tf.Tensor {
  const ones = tf.ones([1, K]) as tf.Tensor2D;
  return tf.div(tf.reshape(tf.matMul(ones, x as tf.Tensor2D), [-1]), c.of(K));
}
