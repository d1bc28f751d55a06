/**
 * An MLP on one flat Float32Array of parameters, with hand-written forward and backward passes and no
 * allocation after construction: the numerics of the fused training engine.
 *
 * Parameter layout (the tfjs model's [w0, b0, w1, b1, …] concatenated, as in src/train/model.ts and the
 * `bsam-trace/1` files): for each layer l with `in` inputs and `out` units, W_l as [in][out] row-major, then
 * b_l as [out]; z = x·W + b. The activation sits between layers, none after the last. Output: one logit and
 * the logistic loss mean(−y·z + log(1+eᶻ)) on 0/1 labels when the last layer has one unit (2 classes),
 * otherwise softmax cross-entropy on class indices (mean over the batch), as model.ts's batchLoss.
 *
 * Batched: a call evaluates G parameter vectors (G·P floats, vector g at g·P), vector g on its own group of
 * rows — bSAM's K sub-batches in one call. Rows are [row][2] inputs; group g owns rows g·r … (g+1)·r − 1.
 */

export type FusedActivation = 'linear' | 'tanh' | 'relu' | 'elu';

/** Integer codes keep the hot loops free of string compares. */
const LINEAR = 0;
const TANH = 1;
const RELU = 2;
const ELU = 3;
const ACTIVATION_CODES: Record<FusedActivation, number> = { linear: LINEAR, tanh: TANH, relu: RELU, elu: ELU };

/** Where one parameter tensor (w_l or b_l) lives in the flat buffer. */
export interface ParamSlice {
  /** `w0`, `b0`, `w1`, … (the order of model.ts's Params). */
  name: string;
  offset: number;
  length: number;
  shape: number[];
}

export function paramSlices(sizes: readonly number[]): ParamSlice[] {
  const out: ParamSlice[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [n, m] = [sizes[l], sizes[l + 1]];
    out.push({ name: `w${l}`, offset, length: n * m, shape: [n, m] });
    offset += n * m;
    out.push({ name: `b${l}`, offset, length: m, shape: [m] });
    offset += m;
  }
  return out;
}

export function paramCount(sizes: readonly number[]): number {
  let total = 0;
  for (let l = 0; l + 1 < sizes.length; l++) total += (sizes[l] + 1) * sizes[l + 1];
  return total;
}

/** A loss over G parameter vectors at once: the interface the fused optimizers need (tests pass others). */
export interface GroupedObjective {
  /** Writes ∇ (mean loss of group g) at params[g·P …] into grad[g·P …]; returns Σ_g (mean loss of group g). */
  lossAndGradient(params: Float32Array, groups: number, grad: Float32Array): number;
}

export class DenseMlp implements GroupedObjective {
  readonly sizes: readonly number[];
  readonly paramCount: number;
  readonly slices: ParamSlice[];
  /** Classes predicted: 2 for a single logit, else the output width. */
  readonly classes: number;
  private readonly activationCode: number;
  private readonly layers: number;
  private readonly weightOffsets: Int32Array;
  private readonly biasOffsets: Int32Array;
  /** outputs[l] (l = 1 … L): layer l's activations (the logits at L), [row][units]; outputs[0] is unused. */
  private readonly outputs: Float32Array[];
  /** deltas[l] (l = 1 … L): ∂(mean loss)/∂z_l, [row][units]. */
  private readonly deltas: Float32Array[];
  private x: Float32Array = new Float32Array(0);
  private labels: Int32Array = new Int32Array(0);
  private rowsPerGroup = 0;

  /**
   * `capacityRows`: the most rows (over all groups) one call may process. `withGradients: false` makes a
   * forward-only network (no backward scratch), for predictions.
   */
  constructor(
    sizes: readonly number[],
    activation: FusedActivation,
    readonly capacityRows: number,
    readonly withGradients = true,
  ) {
    if (sizes.length < 2 || sizes[0] !== 2) throw new Error('an MLP needs 2 inputs and at least one layer');
    this.sizes = [...sizes];
    this.paramCount = paramCount(sizes);
    this.slices = paramSlices(sizes);
    this.layers = sizes.length - 1;
    const outUnits = sizes[this.layers];
    this.classes = outUnits === 1 ? 2 : outUnits;
    this.activationCode = ACTIVATION_CODES[activation];
    this.weightOffsets = new Int32Array(this.layers);
    this.biasOffsets = new Int32Array(this.layers);
    for (let l = 0; l < this.layers; l++) {
      this.weightOffsets[l] = this.slices[2 * l].offset;
      this.biasOffsets[l] = this.slices[2 * l + 1].offset;
    }
    this.outputs = sizes.map((units, l) => new Float32Array(l === 0 ? 0 : capacityRows * units));
    this.deltas = sizes.map((units, l) => new Float32Array(l === 0 || !withGradients ? 0 : capacityRows * units));
  }

  /**
   * The rows the next `lossAndGradient` calls train on: x [row][2], labels (0/1 for one logit, else class
   * index), `rowsPerGroup` rows a group. The arrays are kept by reference, not copied.
   */
  bindBatch(x: Float32Array, labels: Int32Array, rowsPerGroup: number): void {
    this.x = x;
    this.labels = labels;
    this.rowsPerGroup = rowsPerGroup;
  }

  lossAndGradient(params: Float32Array, groups: number, grad: Float32Array): number {
    if (!this.withGradients) throw new Error('this network was built for predictions only');
    const rows = this.rowsPerGroup;
    this.checkRows(groups * rows);
    if (this.x.length < groups * rows * 2 || this.labels.length < groups * rows) throw new Error('the bound batch is smaller than groups × rowsPerGroup');
    this.forwardAll(params, groups, this.x, rows, rows);
    let total = 0;
    for (let g = 0; g < groups; g++) total += this.outputDelta(g * rows, rows);
    for (let g = 0; g < groups; g++) this.backwardGroup(params, grad, g, rows);
    return total;
  }

  /**
   * Class probabilities of G parameter vectors on rows of x: out[(g·rows + r)·classes + c]. With
   * `sharedInput` every group sees the same `rows` points (posterior samples on one grid); otherwise group g
   * sees rows g·rows … of x.
   */
  probabilities(params: Float32Array, groups: number, x: Float32Array, rows: number, sharedInput: boolean, out: Float32Array): void {
    this.checkRows(groups * rows);
    this.forwardAll(params, groups, x, rows, sharedInput ? 0 : rows);
    const L = this.layers;
    const z = this.outputs[L];
    const total = groups * rows;
    if (this.classes === 2 && this.sizes[L] === 1) {
      for (let i = 0; i < total; i++) {
        // tfjs: p = sigmoid(z) in float32, then 1 − p.
        const p = Math.fround(1 / (1 + Math.exp(-z[i])));
        out[2 * i] = 1 - p;
        out[2 * i + 1] = p;
      }
      return;
    }
    const C = this.sizes[L];
    for (let i = 0; i < total; i++) {
      const o = i * C;
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (z[o + c] > max) max = z[o + c];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[o + c] - max);
      for (let c = 0; c < C; c++) out[o + c] = Math.exp(z[o + c] - max) / sum;
    }
  }

  /** The scratch buffers (for tests that check nothing is reallocated). */
  buffers(): Float32Array[] {
    return [...this.outputs, ...this.deltas];
  }

  private checkRows(rows: number): void {
    if (rows > this.capacityRows) throw new Error(`${rows} rows exceed this network's capacity of ${this.capacityRows}`);
  }

  /** All layers for all groups; group g reads input rows from g·inputStride. */
  private forwardAll(params: Float32Array, groups: number, x: Float32Array, rows: number, inputStride: number): void {
    const P = this.paramCount;
    const L = this.layers;
    const act = this.activationCode;
    for (let g = 0; g < groups; g++) {
      for (let l = 0; l < L; l++) {
        const n = this.sizes[l];
        const m = this.sizes[l + 1];
        const input = l === 0 ? x : this.outputs[l];
        const inputStart = l === 0 ? g * inputStride * n : g * rows * n;
        const output = this.outputs[l + 1];
        const outputStart = g * rows * m;
        affine(params, g * P + this.weightOffsets[l], g * P + this.biasOffsets[l], input, inputStart, n, output, outputStart, m, rows, l < L - 1 ? act : LINEAR);
      }
    }
  }

  /** Writes ∂(mean loss)/∂z of the last layer for rows start … start+rows−1; returns their mean loss. */
  private outputDelta(start: number, rows: number): number {
    const L = this.layers;
    const C = this.sizes[L];
    const z = this.outputs[L];
    const d = this.deltas[L];
    const labels = this.labels;
    let loss = 0;
    if (C === 1) {
      for (let r = start; r < start + rows; r++) {
        const zr = z[r];
        const y = labels[r];
        // softplus(z) − y·z, without overflow for large |z|.
        const softplus = zr > 0 ? zr + Math.log1p(Math.exp(-zr)) : Math.log1p(Math.exp(zr));
        loss += softplus - y * zr;
        d[r] = (1 / (1 + Math.exp(-zr)) - y) / rows;
      }
      return loss / rows;
    }
    for (let r = start; r < start + rows; r++) {
      const o = r * C;
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (z[o + c] > max) max = z[o + c];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[o + c] - max);
      const logSum = max + Math.log(sum);
      const y = labels[r];
      loss += logSum - z[o + y];
      for (let c = 0; c < C; c++) d[o + c] = (Math.exp(z[o + c] - logSum) - (c === y ? 1 : 0)) / rows;
    }
    return loss / rows;
  }

  /** Back-propagates group g's output delta into grad[g·P …]. */
  private backwardGroup(params: Float32Array, grad: Float32Array, g: number, rows: number): void {
    const P = this.paramCount;
    const act = this.activationCode;
    for (let l = this.layers - 1; l >= 0; l--) {
      const n = this.sizes[l];
      const m = this.sizes[l + 1];
      const input = l === 0 ? this.x : this.outputs[l];
      const inputStart = g * rows * n;
      const delta = this.deltas[l + 1];
      const deltaStart = g * rows * m;
      const wOffset = g * P + this.weightOffsets[l];
      layerGradient(grad, wOffset, g * P + this.biasOffsets[l], input, inputStart, n, delta, deltaStart, m, rows);
      if (l > 0) backpropagate(params, wOffset, delta, deltaStart, m, this.deltas[l], this.outputs[l], inputStart, n, rows, act);
    }
  }
}

/*
 * The three kernels below are register-blocked: two rows × four columns of sums live in local variables
 * (float64, like tfjs's cpu matMul, which also sums in doubles before storing float32), so each multiply-add
 * costs under one memory access instead of three. An odd last row is computed as a pair with itself (the same
 * sums stored twice), which keeps one code path; column counts that are not a multiple of 4 get a scalar tail.
 */

/** out[r][j] = act(b[j] + Σ_p in[r][p]·W[p][j]) (the activation applied as the sums are stored). */
function affine(
  params: Float32Array,
  wOffset: number,
  bOffset: number,
  input: Float32Array,
  inputStart: number,
  n: number,
  output: Float32Array,
  outputStart: number,
  m: number,
  rows: number,
  act: number,
): void {
  for (let r = 0; r < rows; r += 2) {
    const second = r + 1 < rows ? r + 1 : r;
    const i0 = inputStart + r * n;
    const i1 = inputStart + second * n;
    const o0 = outputStart + r * m;
    const o1 = outputStart + second * m;
    let j = 0;
    for (; j + 3 < m; j += 4) {
      const b = bOffset + j;
      let s00 = params[b], s01 = params[b + 1], s02 = params[b + 2], s03 = params[b + 3];
      let s10 = s00, s11 = s01, s12 = s02, s13 = s03;
      for (let p = 0, w = wOffset + j; p < n; p++, w += m) {
        const x0 = input[i0 + p];
        const x1 = input[i1 + p];
        const w0 = params[w], w1 = params[w + 1], w2 = params[w + 2], w3 = params[w + 3];
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
      }
      output[o0 + j] = activated(s00, act);
      output[o0 + j + 1] = activated(s01, act);
      output[o0 + j + 2] = activated(s02, act);
      output[o0 + j + 3] = activated(s03, act);
      output[o1 + j] = activated(s10, act);
      output[o1 + j + 1] = activated(s11, act);
      output[o1 + j + 2] = activated(s12, act);
      output[o1 + j + 3] = activated(s13, act);
    }
    for (; j < m; j++) {
      let s0 = params[bOffset + j];
      let s1 = s0;
      for (let p = 0, w = wOffset + j; p < n; p++, w += m) {
        s0 += input[i0 + p] * params[w];
        s1 += input[i1 + p] * params[w];
      }
      output[o0 + j] = activated(s0, act);
      output[o1 + j] = activated(s1, act);
    }
  }
}

/**
 * The activation of a pre-activation z, rounded to float32 first as tfjs stores z before activating it.
 * ELU with α = 1 exactly as tfjs's cpu kernel (eᶻ − 1 below 0).
 */
function activated(sum: number, act: number): number {
  if (act === LINEAR) return sum;
  const z = Math.fround(sum);
  if (act === TANH) return Math.tanh(z);
  if (act === RELU) return z > 0 ? z : 0;
  return z >= 0 ? z : Math.exp(z) - 1;
}

/** grad W[p][j] = Σ_r in[r][p]·δ[r][j];  grad b[j] = Σ_r δ[r][j] (overwritten, not accumulated). */
function layerGradient(
  grad: Float32Array,
  wOffset: number,
  bOffset: number,
  input: Float32Array,
  inputStart: number,
  n: number,
  delta: Float32Array,
  deltaStart: number,
  m: number,
  rows: number,
): void {
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let r = 0, d = deltaStart + j; r < rows; r++, d += m) sum += delta[d];
    grad[bOffset + j] = sum;
  }
  // Pairs of inputs p (an odd last one paired with itself) × four outputs j, summed over the rows.
  for (let p = 0; p < n; p += 2) {
    const q = p + 1 < n ? p + 1 : p;
    const g0 = wOffset + p * m;
    const g1 = wOffset + q * m;
    let j = 0;
    for (; j + 3 < m; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let r = 0, i = inputStart, d = deltaStart + j; r < rows; r++, i += n, d += m) {
        const x0 = input[i + p];
        const x1 = input[i + q];
        const d0 = delta[d], d1 = delta[d + 1], d2 = delta[d + 2], d3 = delta[d + 3];
        s00 += x0 * d0;
        s01 += x0 * d1;
        s02 += x0 * d2;
        s03 += x0 * d3;
        s10 += x1 * d0;
        s11 += x1 * d1;
        s12 += x1 * d2;
        s13 += x1 * d3;
      }
      grad[g0 + j] = s00;
      grad[g0 + j + 1] = s01;
      grad[g0 + j + 2] = s02;
      grad[g0 + j + 3] = s03;
      grad[g1 + j] = s10;
      grad[g1 + j + 1] = s11;
      grad[g1 + j + 2] = s12;
      grad[g1 + j + 3] = s13;
    }
    for (; j < m; j++) {
      let s0 = 0;
      let s1 = 0;
      for (let r = 0, i = inputStart, d = deltaStart + j; r < rows; r++, i += n, d += m) {
        s0 += input[i + p] * delta[d];
        s1 += input[i + q] * delta[d];
      }
      grad[g0 + j] = s0;
      grad[g1 + j] = s1;
    }
  }
}

/**
 * δ_prev[r][p] = (Σ_j δ[r][j]·W[p][j]) · act′ at the previous layer's output a = act(z), from a alone as tfjs's
 * gradients do: tanh 1 − a², ReLU [a > 0], ELU 1 for a ≥ 0 else a + 1.
 */
function backpropagate(
  params: Float32Array,
  wOffset: number,
  delta: Float32Array,
  deltaStart: number,
  m: number,
  previousDelta: Float32Array,
  previousOutput: Float32Array,
  previousStart: number,
  n: number,
  rows: number,
  act: number,
): void {
  for (let r = 0; r < rows; r += 2) {
    const second = r + 1 < rows ? r + 1 : r;
    const d0 = deltaStart + r * m;
    const d1 = deltaStart + second * m;
    const o0 = previousStart + r * n;
    const o1 = previousStart + second * n;
    let p = 0;
    for (; p + 3 < n; p += 4) {
      const w0 = wOffset + p * m;
      const w1 = w0 + m;
      const w2 = w1 + m;
      const w3 = w2 + m;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let j = 0; j < m; j++) {
        const e0 = delta[d0 + j];
        const e1 = delta[d1 + j];
        const v0 = params[w0 + j], v1 = params[w1 + j], v2 = params[w2 + j], v3 = params[w3 + j];
        s00 += e0 * v0;
        s01 += e0 * v1;
        s02 += e0 * v2;
        s03 += e0 * v3;
        s10 += e1 * v0;
        s11 += e1 * v1;
        s12 += e1 * v2;
        s13 += e1 * v3;
      }
      previousDelta[o0 + p] = s00 * slope(previousOutput[o0 + p], act);
      previousDelta[o0 + p + 1] = s01 * slope(previousOutput[o0 + p + 1], act);
      previousDelta[o0 + p + 2] = s02 * slope(previousOutput[o0 + p + 2], act);
      previousDelta[o0 + p + 3] = s03 * slope(previousOutput[o0 + p + 3], act);
      previousDelta[o1 + p] = s10 * slope(previousOutput[o1 + p], act);
      previousDelta[o1 + p + 1] = s11 * slope(previousOutput[o1 + p + 1], act);
      previousDelta[o1 + p + 2] = s12 * slope(previousOutput[o1 + p + 2], act);
      previousDelta[o1 + p + 3] = s13 * slope(previousOutput[o1 + p + 3], act);
    }
    for (; p < n; p++) {
      const w = wOffset + p * m;
      let s0 = 0;
      let s1 = 0;
      for (let j = 0; j < m; j++) {
        s0 += delta[d0 + j] * params[w + j];
        s1 += delta[d1 + j] * params[w + j];
      }
      previousDelta[o0 + p] = s0 * slope(previousOutput[o0 + p], act);
      previousDelta[o1 + p] = s1 * slope(previousOutput[o1 + p], act);
    }
  }
}

/** The activation's derivative from its output a. */
function slope(a: number, act: number): number {
  return act === TANH ? 1 - a * a : act === RELU ? (a > 0 ? 1 : 0) : act === ELU ? (a >= 0 ? 1 : a + 1) : 1;
}
