/**
 * An MLP on one flat Float32Array of parameters, evaluated for G parameter vectors at once: the network of
 * the fused training engine. The arithmetic is ArenaMlp's (src/train/dense: SIMD WebAssembly matrix products),
 * one group after another; no allocation after construction.
 *
 * Parameter layout (the tfjs model's [w0, b0, w1, b1, …] concatenated, as in src/train/model.ts and the
 * `bsam-trace/1` files): for each layer l with `in` inputs and `out` units, W_l as [in][out] row-major, then
 * b_l as [out]; z = x·W + b. The activation sits between layers, none after the last. Output: one logit and
 * the logistic loss mean(−y·z + log(1+eᶻ)) on 0/1 labels when the last layer has one unit (2 classes),
 * otherwise softmax cross-entropy on class indices (mean over the batch), as model.ts's batchLoss.
 *
 * Batched: a call evaluates G parameter vectors (G·P floats, vector g at g·P), vector g on its own group of
 * rows — bSAM's K sub-batches in one call. Rows are [row][inputs] (inputs = sizes[0]: 2 for the lab's planes, 784
 * for 28×28 images); group g owns rows g·r … (g+1)·r − 1.
 */

import type { MatrixArena } from '../../math/gemm/gemm.ts';
import { ArenaMlp } from '../dense/arena-mlp.ts';

/** P-float buffers a DenseMlp with gradients keeps in its arena for the optimizers' state and scratch. */
export const WORKSPACE_BUFFERS = 6;

export type FusedActivation = 'linear' | 'tanh' | 'relu' | 'elu';

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
  /** Input values a row: sizes[0]. */
  readonly inputs: number;
  readonly paramCount: number;
  readonly slices: ParamSlice[];
  /** Classes predicted: 2 for a single logit, else the output width. */
  readonly classes: number;
  private readonly net: ArenaMlp;
  private x: Float32Array = new Float32Array(0);
  private labels: Int32Array = new Int32Array(0);
  private rowsPerGroup = 0;
  /**
   * WORKSPACE_BUFFERS buffers of P floats in the network's arena (empty without gradients): the fused
   * optimizers run their elementwise updates there with the arena's SIMD kernels, so the parameters they
   * evaluate (`params`) and the gradient they read (`gradient`) never leave the WebAssembly memory.
   */
  readonly workspace: Float32Array[];

  /**
   * `capacityRows`: the most rows one group may have in a call. `withGradients` is kept for the callers that
   * build a forward-only network for predictions (the arena holds the backward buffers either way: they are small).
   */
  constructor(
    sizes: readonly number[],
    activation: FusedActivation,
    readonly capacityRows: number,
    readonly withGradients = true,
  ) {
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('an MLP needs an input width and at least one layer, all whole numbers ≥ 1');
    this.sizes = [...sizes];
    this.inputs = sizes[0];
    this.paramCount = paramCount(sizes);
    this.slices = paramSlices(sizes);
    const outUnits = sizes[sizes.length - 1];
    this.classes = outUnits === 1 ? 2 : outUnits;
    const P = this.paramCount;
    const workspace = withGradients ? WORKSPACE_BUFFERS * (Math.ceil(P / 4) * 4) : 0;
    this.net = new ArenaMlp({ sizes: [...sizes], activation, maxRows: capacityRows, scratch: workspace });
    this.workspace = withGradients ? Array.from({ length: WORKSPACE_BUFFERS }, () => this.net.arena.alloc(P)) : [];
  }

  /** The arena of `params`, `gradient` and `workspace`, with its kernels. */
  get arena(): MatrixArena {
    return this.net.arena;
  }

  /** The parameters `groupLossAndGradient` evaluates (write into it; never replace it). */
  get params(): Float32Array {
    return this.net.params;
  }

  /** Where `groupLossAndGradient` writes ∇. */
  get gradient(): Float32Array {
    return this.net.gradient;
  }

  /**
   * The mean loss of group g of the bound batch at `params`, and its gradient into `gradient`: the
   * group-at-a-time form of lossAndGradient, without copying parameters in or gradients out. Consecutive calls
   * on the same group reuse its rows.
   */
  groupLossAndGradient(g: number): number {
    if (!this.withGradients) throw new Error('this network was built for predictions only');
    const rows = this.rowsPerGroup;
    this.checkRows(rows);
    if (this.x.length < (g + 1) * rows * this.inputs || this.labels.length < (g + 1) * rows) throw new Error('the bound batch is smaller than groups × rowsPerGroup');
    if (this.loadedGroup !== g || this.loadedX !== this.x || this.loadedRows !== rows) {
      this.net.setData(this.x, this.labels, rows, g * rows);
      this.loadedGroup = g;
      this.loadedX = this.x;
      this.loadedRows = rows;
    }
    return this.net.lossAndGradient();
  }

  /** Which rows the network holds (groupLossAndGradient's cache; -1: none). */
  private loadedGroup = -1;
  private loadedX: Float32Array | null = null;
  private loadedRows = 0;

  /**
   * The rows the next `lossAndGradient` calls train on: x [row][inputs], labels (0/1 for one logit, else class
   * index), `rowsPerGroup` rows a group. The arrays are kept by reference, not copied.
   */
  bindBatch(x: Float32Array, labels: Int32Array, rowsPerGroup: number): void {
    // The buffer may be the same with new rows in it: reload on the next group call.
    this.loadedGroup = -1;
    this.x = x;
    this.labels = labels;
    this.rowsPerGroup = rowsPerGroup;
  }

  lossAndGradient(params: Float32Array, groups: number, grad: Float32Array): number {
    if (!this.withGradients) throw new Error('this network was built for predictions only');
    const rows = this.rowsPerGroup;
    this.checkRows(rows);
    if (this.x.length < groups * rows * this.inputs || this.labels.length < groups * rows) throw new Error('the bound batch is smaller than groups × rowsPerGroup');
    const P = this.paramCount;
    let total = 0;
    this.loadedGroup = -1;
    for (let g = 0; g < groups; g++) {
      this.net.params.set(params.subarray(g * P, (g + 1) * P));
      this.net.setData(this.x, this.labels, rows, g * rows);
      total += this.net.lossAndGradient();
      grad.set(this.net.gradient, g * P);
    }
    return total;
  }

  /**
   * Class probabilities of G parameter vectors on rows of x: out[(g·rows + r)·classes + c]. With
   * `sharedInput` every group sees the same `rows` points (posterior samples on one grid); otherwise group g
   * sees rows g·rows … of x.
   */
  probabilities(params: Float32Array, groups: number, x: Float32Array, rows: number, sharedInput: boolean, out: Float32Array): void {
    this.checkRows(rows);
    const P = this.paramCount;
    const C = this.classes;
    this.loadedGroup = -1;
    if (sharedInput) this.net.setData(x, null, rows);
    for (let g = 0; g < groups; g++) {
      this.net.params.set(params.subarray(g * P, (g + 1) * P));
      if (!sharedInput) this.net.setData(x.subarray(this.inputs * g * rows), null, rows);
      this.net.probabilities(out.subarray(g * rows * C));
    }
  }

  /** The scratch buffers (for tests that check nothing is reallocated). */
  buffers(): Float32Array[] {
    return [this.net.params, this.net.gradient];
  }

  private checkRows(rows: number): void {
    if (rows > this.capacityRows) throw new Error(`${rows} rows exceed this network's capacity of ${this.capacityRows}`);
  }
}
