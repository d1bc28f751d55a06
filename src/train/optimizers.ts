/**
 * The usual optimizers the lab trains with beside bSAM: SGD (with momentum), Adam, and SAM over either
 * (Foret et al. 2021, theory.md §4). Functional like bsam.ts: a step takes the state and returns the next
 * one, disposing the old tensors. Weight decay δ is added to the gradient (L2), as in the official code.
 */
import type { StackedLoss } from './bsam.ts';
import { FlatLayout, meanOfRows } from './flat-params.ts';
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

/** The state of SGD / Adam as flat tensors [P] (flat-params.ts); v is null for SGD. */
export interface FlatOptimizerState {
  w: tf.Tensor1D;
  m: tf.Tensor1D;
  v: tf.Tensor1D | null;
  t: number;
}

/**
 * `optimizerStep` that leaves the loss on the device (the caller disposes it) and takes its constants from `c`,
 * so a step neither reads back nor uploads anything (see Scalars in tf.ts). Runs on flat tensors
 * (optimizerStepFlat) and splits the result back into the state's tensors.
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
  const layout = FlatLayout.of(state.w);
  const flat = tf.tidy(() => ({ w: layout.join(state.w), m: layout.join(state.m), v: state.v.length ? [layout.join(state.v)] : [] }));
  const out = optimizerStepFlat(
    { w: flat.w as tf.Tensor1D, m: flat.m as tf.Tensor1D, v: (flat.v[0] as tf.Tensor1D | undefined) ?? null, t: state.t },
    layout,
    loss,
    base,
    hyper,
    lrFactor,
    samRho,
    c,
  );
  const v = out.state.v;
  const next = tf.tidy(() => ({ w: layout.split(out.state.w), m: layout.split(out.state.m), v: v ? layout.split(v) : [] }));
  for (const x of [...state.w, ...state.m, ...state.v, out.state.w, out.state.m, ...(out.state.v ? [out.state.v] : [])]) x.dispose();
  return { state: { ...next, t: out.state.t }, loss: out.loss };
}

/**
 * One step of SGD/Adam (or SAM over them, when `samRho` is a number) on flat tensors: the gradient of the
 * loss over the split parameters comes back as one flat tensor and every update runs once on all P. The old
 * state's tensors are disposed; the loss where ∇ was taken stays on the device.
 */
export function optimizerStepFlat(
  state: FlatOptimizerState,
  layout: FlatLayout,
  loss: BatchLoss,
  base: BaseOptimizer,
  hyper: OptimizerHyper,
  lrFactor: number,
  samRho: number | null,
  c: Scalars,
): { state: FlatOptimizerState; loss: tf.Scalar } {
  const gradient: StepGradient = (w) => {
    let { value, grad } = layout.valueAndGrad(loss, w);
    if (samRho !== null) {
      // ∇ at w + ρ·g/‖g‖ (the global norm); a zero gradient has no direction: SAM then evaluates at w itself.
      const scale = tf.div(c.of(samRho), tf.maximum(tf.sqrt(tf.sum(tf.square(grad))), c.of(1e-12)));
      ({ value, grad } = layout.valueAndGrad(loss, tf.add(w, tf.mul(grad, scale))));
    }
    return { value, grad };
  };
  return updateFlat(state, gradient, base, hyper, lrFactor, c);
}

/**
 * One step of SAM with m-sharpness K (the official `--batchsplit`, optim.py's build_sam_optimizer) over SGD or
 * Adam, on flat tensors with the K sub-batches stacked: `loss` is Σ_k (mean loss of sub-batch k) over parameters
 * stacked [K, P] (as bSAM's, bsam.ts). Sub-batch k's plain gradient g_k at w gives its own
 * ε_k = ρ·g_k/max(‖g_k‖, 1e-12) (the norm per sub-batch, over all its parameters; weight decay not in it);
 * ∇ = mean_k ∇ℓ_k(w + ε_k), and the base optimizer's update follows as in optimizerStepFlat (δ·w added once).
 * The loss returned is mean_k ℓ_k(w + ε_k). A fixed number of kernels whatever K and the depth.
 */
export function samStepStackedFlat(
  state: FlatOptimizerState,
  layout: FlatLayout,
  loss: StackedLoss,
  K: number,
  base: BaseOptimizer,
  hyper: OptimizerHyper,
  lrFactor: number,
  rho: number,
  c: Scalars,
): { state: FlatOptimizerState; loss: tf.Scalar } {
  const gradient: StepGradient = (w) => {
    const g = layout.valueAndGrad(loss, tf.tile(tf.reshape(w, [1, layout.count]), [K, 1]), [K]).grad;
    // One norm per row (sub-batch): [K, 1], broadcast over its P gradients.
    const scale = tf.div(c.of(rho), tf.maximum(tf.sqrt(tf.sum(tf.square(g), 1, true)), c.of(1e-12)));
    const { value, grad } = layout.valueAndGrad(loss, tf.add(w, tf.mul(g, scale)), [K]);
    return { value: tf.div(value, c.of(K)) as tf.Scalar, grad: meanOfRows(grad, K, c) };
  };
  return updateFlat(state, gradient, base, hyper, lrFactor, c);
}

/** The gradient a step's update uses and the loss where it was taken, computed inside the step's tf.tidy. */
type StepGradient = (w: tf.Tensor1D) => { value: tf.Scalar; grad: tf.Tensor };

/** The base optimizer's update (SGD with momentum, or Adam) with the gradient `gradient` gives, δ·w added to it. */
function updateFlat(
  state: FlatOptimizerState,
  gradient: StepGradient,
  base: BaseOptimizer,
  hyper: OptimizerHyper,
  lrFactor: number,
  c: Scalars,
): { state: FlatOptimizerState; loss: tf.Scalar } {
  const t = state.t + 1;
  const lr = hyper.learningRate * lrFactor;
  const out = tf.tidy(() => {
    const { value, grad } = gradient(state.w);
    const g = hyper.weightDecay === 0 ? grad : tf.add(grad, tf.mul(c.of(hyper.weightDecay), state.w));
    if (base === 'sgd') {
      const m = tf.add(tf.mul(c.of(hyper.momentum), state.m), g);
      return { w: tf.sub(state.w, tf.mul(c.current('lr', lr), m)), m, v: [] as tf.Tensor[], value };
    }
    const v0 = state.v as tf.Tensor1D;
    const m = tf.add(tf.mul(c.of(hyper.beta1), state.m), tf.mul(c.of(1 - hyper.beta1), g));
    const v = tf.add(tf.mul(c.of(hyper.beta2), v0), tf.mul(c.of(1 - hyper.beta2), tf.square(g)));
    // Bias corrections change every step: two uploads a step.
    const c1 = tf.scalar(lr / (1 - hyper.beta1 ** t));
    const c2 = tf.scalar(1 - hyper.beta2 ** t);
    const w = tf.sub(state.w, tf.div(tf.mul(c1, m), tf.add(tf.sqrt(tf.div(v, c2)), c.of(hyper.epsilon))));
    return { w, m, v: [v], value };
  });
  for (const x of [state.w, state.m, ...(state.v ? [state.v] : [])]) x.dispose();
  return { state: { w: out.w as tf.Tensor1D, m: out.m as tf.Tensor1D, v: (out.v[0] as tf.Tensor1D | undefined) ?? null, t }, loss: out.value };
}
