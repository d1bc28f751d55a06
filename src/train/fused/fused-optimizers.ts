/**
 * SGD (with momentum), Adam, and SAM over either, on flat parameter buffers and in place: the fused
 * counterparts of src/train/optimizers.ts with the same rules and hyper-parameter meanings:
 *   g = ∇ + δ·w (weight decay added to the gradient, L2, as the official code);
 *   SGD:  m ← μ·m + g;  w ← w − α·lr·m;
 *   Adam: m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  w ← w − (α·lr/(1−β₁ᵗ))·m / (sqrt(v/(1−β₂ᵗ)) + ε);
 *   SAM:  ∇ is taken at w + ρ·g₀/max(‖g₀‖, 1e-12) (g₀ the plain gradient, global 2-norm over all parameters),
 *         and the loss reported is the loss there.
 *   SAM with m-sharpness K (the official `--batchsplit`, optim.py's build_sam_optimizer): each of K sub-batches
 *         (the objective's groups) gets its own ε_k = ρ·g_k/max(‖g_k‖, 1e-12) from its own plain gradient g_k
 *         (the norm per sub-batch, weight decay not in it); ∇ = mean_k ∇ℓ_k(w + ε_k); then δ·w is added as above,
 *         once. The loss reported is mean_k ℓ_k(w + ε_k).
 * On a DenseMlp the gradients, SAM's perturbation and SGD's update run in the network's WebAssembly arena
 * (SIMD kernels of gemm.wat, float32); any other GroupedObjective (tests) takes the JavaScript loops below.
 */
import { DenseMlp, type GroupedObjective } from './dense-mlp.ts';
import type { OptimizerHyper } from '../optimizers.ts';

export type FusedBaseOptimizer = 'sgd' | 'adam';

/** optimizers.ts's hyper-parameters (a type-only import: no tfjs at run time). */
export type FusedOptimizerHyper = OptimizerHyper;

export class FusedOptimizer {
  readonly w: Float32Array;
  /** SGD: the velocity; Adam: the first moment. */
  readonly m: Float32Array;
  /** Adam: the second moment (length 0 for SGD). */
  readonly v: Float32Array;
  /** Steps taken (Adam's bias correction). */
  t = 0;
  private readonly grad: Float32Array;
  private readonly perturbed: Float32Array;
  /** The general path's K·P scratch for K > 1 (tests: a DenseMlp never needs it), made on first use, grown if K grows. */
  private subBatchScratch: { grads: Float32Array; perturbed: Float32Array } | null = null;

  /** `samRho`: SAM's radius ρ, or null for the base optimizer alone. */
  constructor(
    init: Float32Array,
    readonly base: FusedBaseOptimizer,
    readonly samRho: number | null = null,
  ) {
    const P = init.length;
    this.w = Float32Array.from(init);
    this.m = new Float32Array(P);
    this.v = new Float32Array(base === 'adam' ? P : 0);
    this.grad = new Float32Array(P);
    this.perturbed = new Float32Array(samRho === null ? 0 : P);
  }

  buffers(): Float32Array[] {
    return [this.w, this.m, this.v, this.grad, this.perturbed];
  }

  /**
   * One step; returns the loss where the gradient was taken. `K` > 1 (SAM only): the objective's groups 0 … K−1
   * are the sub-batches of m-sharpness. K = 1 is the objective's single group, computed exactly as before K existed.
   */
  step(objective: GroupedObjective, hyper: FusedOptimizerHyper, lrFactor = 1, K = 1): number {
    if (!Number.isInteger(K) || K < 1) throw new Error(`K = ${K} is not a whole number ≥ 1`);
    if (K > 1 && this.samRho === null) throw new Error(`plain ${this.base} has no perturbation to split into ${K} sub-batches`);
    const arena = objective instanceof DenseMlp && objective.workspace.length > 0;
    if (K > 1) return arena ? this.subBatchStepInArena(objective, hyper, lrFactor, K) : this.subBatchStepJs(objective, hyper, lrFactor, K);
    if (arena) return this.stepInArena(objective, hyper, lrFactor);
    const { w, grad } = this;
    const P = w.length;
    let loss = objective.lossAndGradient(w, 1, grad);
    if (this.samRho !== null) {
      let squares = 0;
      for (let i = 0; i < P; i++) squares += grad[i] * grad[i];
      // A zero gradient has no direction: SAM then evaluates at w itself.
      const scale = this.samRho / Math.max(Math.sqrt(squares), 1e-12);
      const perturbed = this.perturbed;
      for (let i = 0; i < P; i++) perturbed[i] = w[i] + grad[i] * scale;
      loss = objective.lossAndGradient(perturbed, 1, grad);
    }
    this.t++;
    const lr = hyper.learningRate * lrFactor;
    if (this.base === 'sgd') this.sgdJs(grad, hyper, lr);
    else this.adamJs(grad, hyper, lr);
    return loss;
  }

  /** SAM with K sub-batches on any GroupedObjective, in JavaScript: all K perturbed points in one call. */
  private subBatchStepJs(objective: GroupedObjective, hyper: FusedOptimizerHyper, lrFactor: number, K: number): number {
    const { w, grad } = this;
    const P = w.length;
    const KP = K * P;
    if ((this.subBatchScratch?.grads.length ?? 0) < KP) this.subBatchScratch = { grads: new Float32Array(KP), perturbed: new Float32Array(KP) };
    const { grads, perturbed } = this.subBatchScratch as NonNullable<FusedOptimizer['subBatchScratch']>;
    for (let k = 0; k < K; k++) perturbed.set(w, k * P);
    // The K plain gradients g_k at w, each on its own sub-batch.
    objective.lossAndGradient(perturbed, K, grads);
    const rho = this.samRho as number;
    for (let k = 0; k < K; k++) {
      const o = k * P;
      let squares = 0;
      for (let i = o; i < o + P; i++) squares += grads[i] * grads[i];
      const scale = rho / Math.max(Math.sqrt(squares), 1e-12);
      for (let i = 0; i < P; i++) perturbed[o + i] = w[i] + grads[o + i] * scale;
    }
    const lossSum = objective.lossAndGradient(perturbed, K, grads);
    for (let i = 0; i < P; i++) {
      let sum = 0;
      for (let o = i; o < KP; o += P) sum += grads[o];
      grad[i] = sum / K;
    }
    this.t++;
    const lr = hyper.learningRate * lrFactor;
    if (this.base === 'sgd') this.sgdJs(grad, hyper, lr);
    else this.adamJs(grad, hyper, lr);
    return lossSum / K;
  }

  private sgdJs(grad: Float32Array, hyper: FusedOptimizerHyper, lr: number): void {
    const { w, m } = this;
    const mu = hyper.momentum;
    const decay = hyper.weightDecay;
    for (let i = 0; i < w.length; i++) {
      m[i] = mu * m[i] + (grad[i] + decay * w[i]);
      w[i] -= lr * m[i];
    }
  }

  /**
   * Adam stays in JavaScript (float64 between float32 stores) even on a DenseMlp: its first steps divide by
   * sqrt(v) with v tiny, where a float32 kernel's rounding order moved the loss by more than tfjs agreement
   * allows (1e-6); it is not on the hot path of the lab's runs.
   */
  private adamJs(grad: Float32Array, hyper: FusedOptimizerHyper, lr: number): void {
    const { w, m, v } = this;
    const decay = hyper.weightDecay;
    const { beta1, beta2, epsilon } = hyper;
    const stepSize = lr / (1 - beta1 ** this.t);
    const c2 = 1 - beta2 ** this.t;
    for (let i = 0; i < w.length; i++) {
      const g = grad[i] + decay * w[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      w[i] -= (stepSize * m[i]) / (Math.sqrt(v[i] / c2) + epsilon);
    }
  }

  /** The step on a DenseMlp: state copied into its arena, updated there by the SIMD kernels, copied back. */
  private stepInArena(mlp: DenseMlp, hyper: FusedOptimizerHyper, lrFactor: number): number {
    const P = this.w.length;
    if (mlp.paramCount !== P) throw new Error(`the network has ${mlp.paramCount} parameters, this optimizer ${P}`);
    const arena = mlp.arena;
    const [w, m] = mlp.workspace;
    const { params, gradient } = mlp;
    w.set(this.w);
    params.set(this.w);
    let loss = mlp.groupLossAndGradient(0);
    if (this.samRho !== null) {
      const scale = this.samRho / Math.max(Math.sqrt(arena.sumSquares(gradient, P)), 1e-12);
      arena.axpy(params, w, gradient, scale, P);
      loss = mlp.groupLossAndGradient(0);
    }
    this.t++;
    const lr = hyper.learningRate * lrFactor;
    if (this.base === 'adam') {
      this.adamJs(gradient, hyper, lr);
      return loss;
    }
    m.set(this.m);
    arena.sgdUpdate(w, m, gradient, P, hyper.momentum, hyper.weightDecay, lr);
    this.w.set(w);
    this.m.set(m);
    return loss;
  }

  /**
   * SAM with K sub-batches on a DenseMlp, one sub-batch at a time in its arena: nothing of size K·P, only the
   * workspace's P-float buffers (w, m, the running Σ_k ∇ℓ_k(w + ε_k), and a zeroed one for the mean), reused
   * every step. The sum runs in float32 in k order, then is scaled by 1/K once.
   */
  private subBatchStepInArena(mlp: DenseMlp, hyper: FusedOptimizerHyper, lrFactor: number, K: number): number {
    const P = this.w.length;
    if (mlp.paramCount !== P) throw new Error(`the network has ${mlp.paramCount} parameters, this optimizer ${P}`);
    const arena = mlp.arena;
    const [w, m, gSum, zero] = mlp.workspace;
    const { params, gradient } = mlp;
    const rho = this.samRho as number;
    w.set(this.w);
    let lossSum = 0;
    for (let k = 0; k < K; k++) {
      params.set(w);
      mlp.groupLossAndGradient(k);
      const scale = rho / Math.max(Math.sqrt(arena.sumSquares(gradient, P)), 1e-12);
      arena.axpy(params, w, gradient, scale, P);
      lossSum += mlp.groupLossAndGradient(k);
      arena.accumulate(gSum, gradient, P, k === 0);
    }
    // gradient = 0 + (1/K)·Σ: the arena's axpy as a scaling (the workspace is shared scratch, so zero it here).
    zero.fill(0, 0, P);
    arena.axpy(gradient, zero, gSum, 1 / K, P);
    this.t++;
    const lr = hyper.learningRate * lrFactor;
    if (this.base === 'adam') {
      this.adamJs(gradient, hyper, lr);
      return lossSum / K;
    }
    m.set(this.m);
    arena.sgdUpdate(w, m, gradient, P, hyper.momentum, hyper.weightDecay, lr);
    this.w.set(w);
    this.m.set(m);
    return lossSum / K;
  }
}
