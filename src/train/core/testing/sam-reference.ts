/**
 * Used only by tests: SAM with m-sharpness written the slow, obvious way, in float64 plain JavaScript, to check
 * both engines against. It follows the official optim.py's build_sam_optimizer (theory.md §4, §8):
 *   the batch is cut into K sub-batches of ⌊n/K⌋ rows (rows beyond K·⌊n/K⌋ are not used);
 *   for each sub-batch k: g_k = ∇ℓ_k(w) (ℓ_k its mean loss), ε_k = ρ·g_k/‖g_k‖ (the norm of this sub-batch's
 *   gradient over all parameters; the engines guard ‖g_k‖ = 0 with max(‖g_k‖, 1e-12), which never binds here),
 *   ĝ_k = ∇ℓ_k(w + ε_k);
 *   g = mean_k ĝ_k + δ·w (weight decay enters once, after the mean, never in the perturbation);
 *   SGD:  m ← μ·m + g;  w ← w − α·lr·m  (the official momentum: no dampening);
 *   Adam: t ← t+1;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  w ← w − (α·lr/(1−β₁ᵗ))·m/(sqrt(v/(1−β₂ᵗ)) + ε)
 *         (the official code has no SAM-Adam; this is the lab's Adam, optimizers.ts, under the same SAM gradient).
 * The loss reported is mean_k ℓ_k(w + ε_k).
 *
 * The network: layers sizes[0] → … → sizes[L], z = x·W + b with W [in][out] row-major, the activation between
 * layers and none after the last; one output unit: logistic loss mean(−y·z + log(1 + eᶻ)) on 0/1 labels;
 * more: softmax cross-entropy on class indices. Parameters flat in the engines' layout [W0, b0, W1, b1, …].
 */

export type ReferenceActivation = 'elu' | 'tanh' | 'relu';

export interface ReferenceNet {
  sizes: readonly number[];
  activation: ReferenceActivation;
}

function act(kind: ReferenceActivation, z: number): number {
  if (kind === 'tanh') return Math.tanh(z);
  if (kind === 'relu') return z > 0 ? z : 0;
  return z > 0 ? z : Math.exp(z) - 1;
}

function actDerivative(kind: ReferenceActivation, z: number): number {
  if (kind === 'tanh') return 1 - Math.tanh(z) ** 2;
  if (kind === 'relu') return z > 0 ? 1 : 0;
  return z > 0 ? 1 : Math.exp(z);
}

/** The mean loss of the rows and its gradient, one row at a time (forward, then backward by the chain rule). */
export function referenceLossAndGradient(net: ReferenceNet, w: readonly number[], x: readonly (readonly number[])[], labels: readonly number[]): { loss: number; grad: number[] } {
  const { sizes, activation } = net;
  const L = sizes.length - 1;
  const offsets: { W: number; b: number }[] = [];
  let o = 0;
  for (let l = 0; l < L; l++) {
    offsets.push({ W: o, b: o + sizes[l] * sizes[l + 1] });
    o += (sizes[l] + 1) * sizes[l + 1];
  }
  if (w.length !== o) throw new Error(`the network has ${o} parameters, not ${w.length}`);
  const grad = new Array<number>(o).fill(0);
  const n = x.length;
  let loss = 0;
  for (let r = 0; r < n; r++) {
    // Forward: h[l] is layer l's input (h[0] = x), z[l] its pre-activation.
    const h: number[][] = [[...x[r]]];
    const z: number[][] = [];
    for (let l = 0; l < L; l++) {
      const zl: number[] = [];
      for (let j = 0; j < sizes[l + 1]; j++) {
        let s = w[offsets[l].b + j];
        for (let i = 0; i < sizes[l]; i++) s += h[l][i] * w[offsets[l].W + i * sizes[l + 1] + j];
        zl.push(s);
      }
      z.push(zl);
      h.push(l < L - 1 ? zl.map((v) => act(activation, v)) : zl);
    }
    const out = z[L - 1];
    // dLoss/dz of the last layer, for this row's share (1/n) of the mean.
    let d: number[];
    if (out.length === 1) {
      const y = labels[r];
      loss += -y * out[0] + Math.log1p(Math.exp(out[0]));
      d = [(1 / (1 + Math.exp(-out[0])) - y) / n];
    } else {
      const top = Math.max(...out);
      const sum = out.reduce((s, v) => s + Math.exp(v - top), 0);
      loss += top + Math.log(sum) - out[labels[r]];
      d = out.map((v, c) => (Math.exp(v - top) / sum - (c === labels[r] ? 1 : 0)) / n);
    }
    for (let l = L - 1; l >= 0; l--) {
      const [inW, outW] = [sizes[l], sizes[l + 1]];
      for (let j = 0; j < outW; j++) grad[offsets[l].b + j] += d[j];
      for (let i = 0; i < inW; i++) for (let j = 0; j < outW; j++) grad[offsets[l].W + i * outW + j] += h[l][i] * d[j];
      if (l === 0) break;
      const below: number[] = [];
      for (let i = 0; i < inW; i++) {
        let s = 0;
        for (let j = 0; j < outW; j++) s += d[j] * w[offsets[l].W + i * outW + j];
        below.push(s * actDerivative(activation, z[l - 1][i]));
      }
      d = below;
    }
  }
  return { loss: loss / n, grad };
}

export interface ReferenceSamHyper {
  base: 'sgd' | 'adam';
  learningRate: number;
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  rho: number;
  /** m-sharpness: sub-batches per step (at most the rows of the batch). */
  K: number;
}

export interface ReferenceSamState {
  w: number[];
  m: number[];
  v: number[];
  t: number;
}

export function referenceSamState(init: ArrayLike<number>): ReferenceSamState {
  const P = init.length;
  return { w: Array.from(init), m: new Array<number>(P).fill(0), v: new Array<number>(P).fill(0), t: 0 };
}

/** One SAM step on the batch (x, labels) in place; returns the loss where the gradients were taken. */
export function referenceSamStep(net: ReferenceNet, state: ReferenceSamState, x: readonly (readonly number[])[], labels: readonly number[], hyper: ReferenceSamHyper, lrFactor = 1): number {
  const { w } = state;
  const P = w.length;
  const K = hyper.K;
  if (!Number.isInteger(K) || K < 1 || K > x.length) throw new Error(`K = ${K} does not split ${x.length} rows`);
  const size = Math.floor(x.length / K);
  const mean = new Array<number>(P).fill(0);
  let loss = 0;
  for (let k = 0; k < K; k++) {
    const xs = x.slice(k * size, (k + 1) * size);
    const ys = labels.slice(k * size, (k + 1) * size);
    const g = referenceLossAndGradient(net, w, xs, ys).grad;
    const norm = Math.sqrt(g.reduce((s, v) => s + v * v, 0));
    const perturbed = w.map((wi, i) => wi + (hyper.rho * g[i]) / Math.max(norm, 1e-12));
    const at = referenceLossAndGradient(net, perturbed, xs, ys);
    loss += at.loss / K;
    for (let i = 0; i < P; i++) mean[i] += at.grad[i] / K;
  }
  const lr = hyper.learningRate * lrFactor;
  state.t++;
  for (let i = 0; i < P; i++) {
    const g = mean[i] + hyper.weightDecay * w[i];
    if (hyper.base === 'sgd') {
      state.m[i] = hyper.momentum * state.m[i] + g;
      w[i] -= lr * state.m[i];
    } else {
      state.m[i] = hyper.beta1 * state.m[i] + (1 - hyper.beta1) * g;
      state.v[i] = hyper.beta2 * state.v[i] + (1 - hyper.beta2) * g * g;
      const mHat = state.m[i] / (1 - hyper.beta1 ** state.t);
      w[i] -= (lr * mHat) / (Math.sqrt(state.v[i] / (1 - hyper.beta2 ** state.t)) + hyper.epsilon);
    }
  }
  return loss;
}
