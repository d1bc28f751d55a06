/**
 * One step of bSAM exactly as the official optimizer runs it (theory.md §5). The per-step noise e_k is an
 * input, so a run can be replayed and checked against recorded trajectories.
 *
 * State: mean w, precision s, momentum g_m. For each of the K sub-batches, independently:
 *   θ_k = w + e_k·sqrt(1/(N·s));  g_k = ∇ℓ_k(θ_k);  ĝ_k = ∇ℓ_k(w + ρ·g_k/s);  h_k = sqrt(s·g_k²).
 * Then g_m ← β₁g_m + (1−β₁)(mean ĝ + δw);  w ← w − α·lr·g_m/s (the OLD s);  s ← β₂s + (1−β₂)(mean h + γ + δ).
 */
import { FlatLayout, meanOfRows } from './flat-params.ts';
import type { Params } from './mlp.ts';
import { Scalars, tf } from './tf.ts';

export interface BsamHyper {
  learningRate: number;
  beta1: number;
  beta2: number;
  /** δ, weight decay (the official code passes prior precision / N). */
  weightDecay: number;
  rho: number;
  /** γ */
  damping: number;
  /** N, the data size of the posterior N(w, 1/(N·s)). */
  dataSize: number;
}

export interface BsamState {
  w: Params;
  s: Params;
  gm: Params;
}

/** The mean loss of one sub-batch as a function of the parameters. */
export type SubBatchLoss = (params: Params) => tf.Scalar;

export function initBsamState(w: Params, sInit: number): BsamState {
  return {
    w: w.map((t) => t.clone()),
    s: w.map((t) => tf.fill(t.shape, sInit)),
    gm: w.map((t) => tf.zerosLike(t)),
  };
}

/**
 * One bSAM step. `noise[k]` holds e_k shaped like w, for sub-batch k. Returns the new state (the old one's
 * tensors are disposed) and the mean loss at the perturbed means w + ρ·g_k/s.
 */
export function bsamStep(
  state: BsamState,
  subBatches: SubBatchLoss[],
  noise: Params[],
  hyper: BsamHyper,
  lrFactor: number,
): { state: BsamState; lossAtPerturbed: number } {
  const { w, s, gm } = state;
  const K = subBatches.length;
  const out = tf.tidy(() => {
    const gradSum = w.map((t) => tf.zerosLike(t));
    const hSum = w.map((t) => tf.zerosLike(t));
    let lossSum = tf.scalar(0);
    const scale = s.map((si) => tf.sqrt(tf.div(1, tf.mul(hyper.dataSize, si))));
    for (let k = 0; k < K; k++) {
      const lossK = subBatches[k];
      const theta = w.map((wi, i) => tf.add(wi, tf.mul(noise[k][i], scale[i])));
      const g = tf.grads((...p: tf.Tensor[]) => lossK(p))(theta);
      const perturbed = w.map((wi, i) => tf.add(wi, tf.div(tf.mul(hyper.rho, g[i]), s[i])));
      const { value, grads } = tf.valueAndGrads((...p: tf.Tensor[]) => lossK(p))(perturbed);
      lossSum = tf.add(lossSum, value);
      for (let i = 0; i < w.length; i++) {
        gradSum[i] = tf.add(gradSum[i], grads[i]);
        hSum[i] = tf.add(hSum[i], tf.sqrt(tf.mul(s[i], tf.square(g[i]))));
      }
    }
    const newGm = gm.map((m, i) =>
      tf.add(tf.mul(hyper.beta1, m), tf.mul(1 - hyper.beta1, tf.add(tf.div(gradSum[i], K), tf.mul(hyper.weightDecay, w[i])))),
    );
    const newW = w.map((wi, i) => tf.sub(wi, tf.div(tf.mul(hyper.learningRate * lrFactor, newGm[i]), s[i])));
    const newS = s.map((si, i) =>
      tf.add(tf.mul(hyper.beta2, si), tf.mul(1 - hyper.beta2, tf.add(tf.div(hSum[i], K), hyper.damping + hyper.weightDecay))),
    );
    return { w: newW, s: newS, gm: newGm, loss: tf.div(lossSum, K) };
  });
  const lossAtPerturbed = (out.loss.dataSync() as Float32Array)[0];
  out.loss.dispose();
  for (const t of [...w, ...s, ...gm]) t.dispose();
  return { state: { w: out.w, s: out.s, gm: out.gm }, lossAtPerturbed };
}

/**
 * Σ_k (mean loss of sub-batch k) as a function of stacked parameters [K, …shape]: sub-batch k sees only
 * slice k, so the gradient of the sum with respect to the stack is the stack of the per-sub-batch gradients.
 */
export type StackedLoss = (stacked: Params) => tf.Scalar;

/**
 * The same step as `bsamStep`, with the K sub-batches computed together as batched tensors: K times fewer
 * kernel launches, which is what limits small networks. `noise[i]` is e for parameter i stacked over the
 * sub-batches ([K, …shape]). Checked against `bsamStep` (the line-by-line reference) in bsam.test.ts.
 */
export function bsamStepStacked(
  state: BsamState,
  loss: StackedLoss,
  K: number,
  noise: Params,
  hyper: BsamHyper,
  lrFactor: number,
): { state: BsamState; lossAtPerturbed: number } {
  const scalars = new Scalars();
  try {
    const out = bsamStepStackedOnDevice(state, loss, K, noise, hyper, lrFactor, scalars);
    const lossAtPerturbed = (out.loss.dataSync() as Float32Array)[0];
    out.loss.dispose();
    return { state: out.state, lossAtPerturbed };
  } finally {
    scalars.dispose();
  }
}

/** bSAM's state as flat tensors [P] (flat-params.ts): w, s and g_m. */
export interface FlatBsamState {
  w: tf.Tensor1D;
  s: tf.Tensor1D;
  gm: tf.Tensor1D;
}

/**
 * `bsamStepStacked` that leaves the loss on the device (a scalar tensor the caller disposes) and takes its
 * constants from `c`: no readback and no scalar upload per step, which on WebGPU/WebGL cost more than the step.
 * It runs on flat tensors (bsamStepFlat) and splits the result back into the state's tensors.
 */
export function bsamStepStackedOnDevice(
  state: BsamState,
  loss: StackedLoss,
  K: number,
  noise: Params,
  hyper: BsamHyper,
  lrFactor: number,
  c: Scalars,
): { state: BsamState; loss: tf.Scalar } {
  const layout = FlatLayout.of(state.w);
  const flat = tf.tidy(() => ({ w: layout.join(state.w), s: layout.join(state.s), gm: layout.join(state.gm), e: layout.join(noise, [K]) }));
  const out = bsamStepFlat({ w: flat.w as tf.Tensor1D, s: flat.s as tf.Tensor1D, gm: flat.gm as tf.Tensor1D }, layout, loss, K, flat.e as tf.Tensor2D, hyper, lrFactor, c);
  const next = tf.tidy(() => ({ w: layout.split(out.state.w), s: layout.split(out.state.s), gm: layout.split(out.state.gm) }));
  for (const t of [...state.w, ...state.s, ...state.gm, flat.e, out.state.w, out.state.s, out.state.gm]) t.dispose();
  return { state: next, loss: out.loss };
}

/**
 * One bSAM step on flat tensors: `noise` is e as [K, P] (sub-batch k in row k), `loss` the Σ_k of the sub-batch
 * losses over parameters stacked [K, …shape] (split from the flat [K, P]). Every elementwise operation runs
 * once on all P parameters. The old state's tensors are disposed; the loss stays on the device.
 */
export function bsamStepFlat(
  state: FlatBsamState,
  layout: FlatLayout,
  loss: StackedLoss,
  K: number,
  noise: tf.Tensor2D,
  hyper: BsamHyper,
  lrFactor: number,
  c: Scalars,
): { state: FlatBsamState; loss: tf.Scalar } {
  const { w, s, gm } = state;
  const out = tf.tidy(() => {
    const scale = tf.rsqrt(tf.mul(c.of(hyper.dataSize), s));
    const theta = tf.add(w, tf.mul(noise, scale));
    const g = layout.valueAndGrad(loss, theta, [K]).grad;
    const perturbed = tf.add(w, tf.div(tf.mul(c.of(hyper.rho), g), s));
    const { value, grad } = layout.valueAndGrad(loss, perturbed, [K]);
    const newGm = tf.add(tf.mul(c.of(hyper.beta1), gm), tf.mul(c.of(1 - hyper.beta1), tf.add(meanOfRows(grad, K, c), tf.mul(c.of(hyper.weightDecay), w))));
    const newW = tf.sub(w, tf.div(tf.mul(c.current('lr', hyper.learningRate * lrFactor), newGm), s));
    const h = meanOfRows(tf.sqrt(tf.mul(s, tf.square(g))), K, c);
    const newS = tf.add(tf.mul(c.of(hyper.beta2), s), tf.mul(c.of(1 - hyper.beta2), tf.add(h, c.of(hyper.damping + hyper.weightDecay))));
    return { w: newW as tf.Tensor1D, s: newS as tf.Tensor1D, gm: newGm as tf.Tensor1D, loss: tf.div(value, c.of(K)) as tf.Scalar };
  });
  for (const t of [w, s, gm]) t.dispose();
  return { state: { w: out.w, s: out.s, gm: out.gm }, loss: out.loss };
}
