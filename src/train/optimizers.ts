/**
 * The usual optimizers the lab trains with beside bSAM: SGD (with momentum), Adam, and SAM over either
 * (Foret et al. 2021, theory.md §4). Functional like bsam.ts: a step takes the state and returns the next
 * one, disposing the old tensors. Weight decay δ is added to the gradient (L2), as in the official code.
 */
import type { Params } from './mlp.ts';
import { Scalars, tf } from './tf.ts';

export type BaseOptimizer = 'sgd' | 'adam';

export interface OptimizerHyper {
  learningRate: number;
  /** SGD momentum μ (0: plain SGD). */
  momentum: number;
  beta1: number;
  beta2: number;
  /** Adam's ε in the denominator. */
  epsilon: number;
  weightDecay: number;
}

export interface OptimizerState {
  w: Params;
  /** SGD: the velocity; Adam: the first moment. */
  m: Params;
  /** Adam: the second moment (empty for SGD). */
  v: Params;
  t: number;
}

/** The mean loss of a batch as a function of the parameters. */
export type BatchLoss = (params: Params) => tf.Scalar;

export function initOptimizerState(w: Params, base: BaseOptimizer): OptimizerState {
  return {
    w: w.map((t) => t.clone()),
    m: w.map((t) => tf.zerosLike(t)),
    v: base === 'adam' ? w.map((t) => tf.zerosLike(t)) : [],
    t: 0,
  };
}

/** ∇ at w, or SAM's ∇ at w + ρ·g/‖g‖ (global norm over all parameters), with the loss where it was taken. */
function gradient(w: Params, loss: BatchLoss, samRho: number | null, c: Scalars): { grads: Params; loss: tf.Scalar } {
  const valueAndGrads = tf.valueAndGrads((...p: tf.Tensor[]) => loss(p));
  const first = valueAndGrads(w);
  if (samRho === null) return { grads: first.grads, loss: first.value };
  const norm = tf.sqrt(tf.addN(first.grads.map((g) => tf.sum(tf.square(g)))));
  // A zero gradient has no direction: SAM then evaluates at w itself.
  const scale = tf.div(c.of(samRho), tf.maximum(norm, c.of(1e-12)));
  const perturbed = w.map((wi, i) => tf.add(wi, tf.mul(first.grads[i], scale)));
  const second = valueAndGrads(perturbed);
  return { grads: second.grads, loss: second.value };
}

/** One step of SGD/Adam, or of SAM over them when `samRho` is a number. Returns the loss where ∇ was taken. */
export function optimizerStep(
  state: OptimizerState,
  loss: BatchLoss,
  base: BaseOptimizer,
  hyper: OptimizerHyper,
  lrFactor = 1,
  samRho: number | null = null,
): { state: OptimizerState; loss: number } {
  const scalars = new Scalars();
  try {
    const out = optimizerStepOnDevice(state, loss, base, hyper, lrFactor, samRho, scalars);
    const lossValue = (out.loss.dataSync() as Float32Array)[0];
    out.loss.dispose();
    return { state: out.state, loss: lossValue };
  } finally {
    scalars.dispose();
  }
}

/**
 * `optimizerStep` that leaves the loss on the device (the caller disposes it) and takes its constants from `c`,
 * so a step neither reads back nor uploads anything (see Scalars in tf.ts).
 */
export function optimizerStepOnDevice(
  state: OptimizerState,
  loss: BatchLoss,
  base: BaseOptimizer,
  hyper: OptimizerHyper,
  lrFactor: number,
  samRho: number | null,
  c: Scalars,
): { state: OptimizerState; loss: tf.Scalar } {
  const t = state.t + 1;
  const lr = hyper.learningRate * lrFactor;
  const out = tf.tidy(() => {
    const { grads, loss: value } = gradient(state.w, loss, samRho, c);
    const g = grads.map((gi, i) => (hyper.weightDecay === 0 ? gi : tf.add(gi, tf.mul(c.of(hyper.weightDecay), state.w[i]))));
    if (base === 'sgd') {
      const m = state.m.map((mi, i) => tf.add(tf.mul(c.of(hyper.momentum), mi), g[i]));
      const w = state.w.map((wi, i) => tf.sub(wi, tf.mul(c.of(lr), m[i])));
      return { w, m, v: [] as tf.Tensor[], value };
    }
    const m = state.m.map((mi, i) => tf.add(tf.mul(c.of(hyper.beta1), mi), tf.mul(c.of(1 - hyper.beta1), g[i])));
    const v = state.v.map((vi, i) => tf.add(tf.mul(c.of(hyper.beta2), vi), tf.mul(c.of(1 - hyper.beta2), tf.square(g[i]))));
    // Bias corrections change every step: two uploads a step, not one per parameter.
    const c1 = tf.scalar(lr / (1 - hyper.beta1 ** t));
    const c2 = tf.scalar(1 - hyper.beta2 ** t);
    const w = state.w.map((wi, i) => tf.sub(wi, tf.div(tf.mul(c1, m[i]), tf.add(tf.sqrt(tf.div(v[i], c2)), c.of(hyper.epsilon)))));
    return { w, m, v, value };
  });
  for (const x of [...state.w, ...state.m, ...state.v]) x.dispose();
  return { state: { w: out.w, m: out.m, v: out.v, t }, loss: out.value };
}
