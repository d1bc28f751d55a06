/**
 * A dense MLP on flat float32 buffers, forward and backward, with every matrix product done by the SIMD
 * kernel of src/math/gemm. It is the engine under the hand-fused paths (training steps, network slices): for
 * the lab's small networks tfjs spends its time dispatching ops, this spends it multiplying.
 *
 * Same conventions as src/train/model.ts and the trace format: parameters layer after layer, W [in][out]
 * row-major then b [out]; z = x·W + b; tanh / relu / elu (α = 1) between layers, none after the last; for 2
 * classes one logit and the logistic loss mean(softplus(z) − y·z), else softmax cross-entropy; mean over rows.
 */
import { activationGradJs } from '../../math/gemm/elementwise-js.ts';
import { createArena, type MatrixArena } from '../../math/gemm/gemm.ts';
import { layerSlots, parameterCount, type LayerSlot } from '../slice/snapshot.ts';

/** 'linear' only matters for the trace format's networks; the lab's use tanh, relu or elu. */
export type HiddenActivation = 'linear' | 'tanh' | 'relu' | 'elu';

export interface ArenaMlpShape {
  /** Widths from the 2 inputs to the output units (1 for a logistic output). */
  sizes: number[];
  activation: HiddenActivation;
  /** The most rows (data points) one call will see. */
  maxRows: number;
  /** Floats of room left in the arena for the caller's own buffers (`arena.alloc`), e.g. a slice's directions. */
  scratch?: number;
}

export class ArenaMlp {
  readonly arena: MatrixArena;
  /** The parameters the next call uses (write into it, never replace it). */
  readonly params: Float32Array;
  /** ∇ of the mean loss, filled by lossAndGradient. */
  readonly gradient: Float32Array;
  readonly slots: LayerSlot[];
  private readonly inputs: Float32Array;
  private readonly labels: Int32Array;
  private rows = 0;
  /** Pre-activations z_k and activations h_k per layer (h_0 is the input), maxRows × width each. */
  private readonly z: Float32Array[];
  private readonly h: Float32Array[];
  private readonly delta: Float32Array[];
  private readonly transposed: Float32Array;
  private readonly logistic: boolean;
  /** Views of each layer's W in `params` and in `gradient`, made once (subarray allocates). */
  private readonly weightViews: Float32Array[];
  private readonly gradientViews: Float32Array[];
  private readonly biasViews: Float32Array[];
  private readonly gradientBiasViews: Float32Array[];

  constructor(readonly shape: ArenaMlpShape) {
    const { sizes, maxRows } = shape;
    const P = parameterCount(sizes);
    const widest = Math.max(...sizes);
    const perLayer = sizes.reduce((n, width) => n + maxRows * width, 0);
    this.arena = createArena(2 * P + maxRows * sizes[0] + 3 * perLayer + widest * widest + 64 * sizes.length + (shape.scratch ?? 0));
    this.params = this.arena.alloc(P);
    this.gradient = this.arena.alloc(P);
    this.slots = layerSlots(sizes);
    this.inputs = this.arena.alloc(maxRows * sizes[0]);
    this.labels = new Int32Array(maxRows);
    this.h = [this.inputs, ...sizes.slice(1).map((width) => this.arena.alloc(maxRows * width))];
    this.z = [this.inputs, ...sizes.slice(1).map((width) => this.arena.alloc(maxRows * width))];
    this.delta = sizes.map((width) => this.arena.alloc(maxRows * width));
    this.transposed = this.arena.alloc(widest * widest);
    this.logistic = sizes[sizes.length - 1] === 1;
    this.weightViews = this.slots.map((slot) => this.params.subarray(slot.w, slot.b));
    this.gradientViews = this.slots.map((slot) => this.gradient.subarray(slot.w, slot.b));
    this.biasViews = this.slots.map((slot) => this.params.subarray(slot.b, slot.b + slot.fanOut));
    this.gradientBiasViews = this.slots.map((slot) => this.gradient.subarray(slot.b, slot.b + slot.fanOut));
  }

  /**
   * The data the next calls see: `rows` points from row `from` of `inputs` (sizes[0] values a row) and their
   * class labels (null: predictions only).
   */
  setData(inputs: ArrayLike<number>, labels: ArrayLike<number> | null, rows: number, from = 0): void {
    if (rows > this.shape.maxRows) throw new RangeError(`${rows} rows do not fit the ${this.shape.maxRows} this network was sized for`);
    const width = this.shape.sizes[0];
    const start = from * width;
    if (inputs instanceof Float32Array) {
      // A copy of a view would allocate it: copy by hand when the rows are few, else view and set.
      if (rows * width <= 64) for (let i = 0; i < rows * width; i++) this.inputs[i] = inputs[start + i];
      else this.inputs.set(inputs.subarray(start, start + rows * width));
    } else for (let i = 0; i < rows * width; i++) this.inputs[i] = inputs[start + i];
    if (labels) for (let i = 0; i < rows; i++) this.labels[i] = labels[from + i];
    else this.labels.fill(0, 0, rows);
    this.rows = rows;
  }

  /** The output layer's values for the current data (logits), filling the activations on the way. */
  private forward(): Float32Array {
    const rows = this.rows;
    const last = this.slots.length - 1;
    for (let k = 0; k <= last; k++) {
      const slot = this.slots[k];
      const z = this.z[k + 1];
      // Start every row at the bias (a memcpy) and let the kernel add x·W onto it.
      this.arena.fillRows(z, this.biasViews[k], rows, slot.fanOut);
      this.arena.gemm(this.h[k], this.weightViews[k], z, rows, slot.fanIn, slot.fanOut, { accumulate: true });
      if (k === last) break;
      const n = rows * slot.fanOut;
      const act = this.shape.activation;
      if (act === 'tanh') for (let i = 0; i < n; i++) this.h[k + 1][i] = Math.tanh(z[i]);
      else if (act === 'linear') this.h[k + 1].set(z.subarray(0, n));
      else this.arena.activate(act, z, this.h[k + 1], n);
    }
    return this.z[last + 1];
  }

  /** Mean loss of the current parameters on the current data. */
  loss(): number {
    return this.outputLoss(this.forward(), null);
  }

  /** Mean loss, and its gradient into `gradient`. */
  lossAndGradient(): number {
    const rows = this.rows;
    const last = this.slots.length - 1;
    const loss = this.outputLoss(this.forward(), this.delta[last + 1]);
    for (let k = last; k >= 0; k--) {
      const slot = this.slots[k];
      const dz = this.delta[k + 1];
      // ∂W = h_kᵀ · δ, ∂b = column sums of δ.
      this.arena.gemm(this.h[k], dz, this.gradientViews[k], slot.fanIn, rows, slot.fanOut, { transA: true });
      this.arena.colSums(dz, rows, slot.fanOut, this.gradientBiasViews[k]);
      if (k === 0) break;
      // δ_{k−1} = (δ · Wᵀ) ⊙ act'(z_{k−1}).
      this.arena.transpose(this.weightViews[k], slot.fanIn, slot.fanOut, this.transposed);
      const dh = this.delta[k];
      this.arena.gemm(dz, this.transposed, dh, rows, slot.fanOut, slot.fanIn);
      const act = this.shape.activation;
      const n = rows * slot.fanIn;
      if (act === 'elu' || act === 'relu') this.arena.activationGrad(act, this.z[k], this.h[k], dh, n);
      else if (act === 'tanh') activationGradJs('tanh', this.z[k], this.h[k], dh, n);
    }
    return loss;
  }

  /** Class probabilities of the current data into out[rows][classes] (2 classes: [1 − σ(z), σ(z)]). */
  probabilities(out: Float32Array): void {
    const z = this.forward();
    const rows = this.rows;
    if (this.logistic) {
      for (let r = 0; r < rows; r++) {
        const p = sigmoid(z[r]);
        out[2 * r] = 1 - p;
        out[2 * r + 1] = p;
      }
      return;
    }
    const c = this.shape.sizes[this.shape.sizes.length - 1];
    for (let r = 0; r < rows; r++) softmaxRow(z, r * c, c, out, r * c);
  }

  /** The mean loss of logits z; with `dz`, also ∂loss/∂z into it. */
  private outputLoss(z: Float32Array, dz: Float32Array | null): number {
    const rows = this.rows;
    let sum = 0;
    if (this.logistic) {
      for (let r = 0; r < rows; r++) {
        const y = this.labels[r];
        sum += softplus(z[r]) - y * z[r];
        if (dz) dz[r] = (sigmoid(z[r]) - y) / rows;
      }
      return sum / rows;
    }
    const c = this.shape.sizes[this.shape.sizes.length - 1];
    const p = dz ?? this.delta[this.delta.length - 1];
    for (let r = 0; r < rows; r++) {
      const o = r * c;
      const logZ = softmaxRow(z, o, c, p, o);
      sum += logZ - z[o + this.labels[r]];
      if (dz) {
        for (let j = 0; j < c; j++) dz[o + j] /= rows;
        dz[o + this.labels[r]] -= 1 / rows;
      }
    }
    return sum / rows;
  }
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Softmax of z[from … from+c) into out[to …]; returns log Σ e^z. */
function softmaxRow(z: Float32Array, from: number, c: number, out: Float32Array, to: number): number {
  let max = -Infinity;
  for (let j = 0; j < c; j++) max = Math.max(max, z[from + j]);
  let sum = 0;
  for (let j = 0; j < c; j++) sum += out[to + j] = Math.exp(z[from + j] - max);
  for (let j = 0; j < c; j++) out[to + j] /= sum;
  return max + Math.log(sum);
}
