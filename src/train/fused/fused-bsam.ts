/**
 * One bSAM step exactly as the official optimizer runs it (theory.md §5), on flat parameter buffers and in
 * place: the fused counterpart of src/train/bsam.ts. The noise e (K·P standard normals, sub-batch k at k·P)
 * is an input, so runs replay and the reference traces can be checked.
 *
 * For each sub-batch k:  θ_k = w + e_k·sqrt(1/(N·s));  g_k = ∇ℓ_k(θ_k);  ĝ_k = ∇ℓ_k(w + ρ·g_k/s) (the MEAN
 * is perturbed, no normalisation);  h_k = sqrt(s·g_k²).  Then g_m ← β₁g_m + (1−β₁)(mean ĝ + δw);
 * w ← w − α·lr·g_m/s with the OLD s;  s ← β₂s + (1−β₂)(mean h + γ + δ).
 *
 * On a DenseMlp the step runs one sub-batch at a time inside the network's WebAssembly arena: the noisy sample,
 * the perturbed mean, Σ|g_k|, Σĝ_k and the final update are SIMD kernels (gemm.wat), and nothing of size K·P
 * is needed beyond the noise. The sums over k run in the same order as the general path's, in float32.
 * Any other GroupedObjective (tests) takes the general path below, in JavaScript.
 */
import type { BsamUpdateHyper } from '../../math/gemm/gemm.ts';
import type { BsamHyper } from '../bsam.ts';
import { DenseMlp, type GroupedObjective } from './dense-mlp.ts';

/** bsam.ts's hyper-parameters (a type-only import: no tfjs at run time). */
export type FusedBsamHyper = BsamHyper;

/** Mean w, precision s and momentum g_m, each P floats in the layout of dense-mlp.ts. */
export interface FusedBsamState {
  w: Float32Array;
  s: Float32Array;
  gm: Float32Array;
}

export function createBsamState(init: Float32Array, sInit: number): FusedBsamState {
  return { w: Float32Array.from(init), s: new Float32Array(init.length).fill(sInit), gm: new Float32Array(init.length) };
}

/** The scratch of a bSAM step for up to `maxGroups` sub-batches, allocated once. */
export class FusedBsamStep {
  /** The general path's scratch, made on its first use (a DenseMlp never needs it). */
  private scratch: {
    scale: Float32Array;
    theta: Float32Array;
    noisyGrad: Float32Array;
    perturbed: Float32Array;
    perturbedGrad: Float32Array;
    /** mean_k h_k, kept in doubles until the s update. */
    hMean: Float64Array;
  } | null = null;
  /** The noise buffer last seen and its K views of P draws (made once per buffer, not per step). */
  private noiseViews: { buffer: Float32Array; views: Float32Array[] } | null = null;
  private readonly update: BsamUpdateHyper = { K: 1, beta1: 0, beta2: 0, decay: 0, lr: 0, shift: 0 };

  constructor(
    readonly paramCount: number,
    readonly maxGroups: number,
  ) {}

  /** The step's scratch buffers (for tests that check nothing is reallocated). */
  buffers(): (Float32Array | Float64Array)[] {
    const s = this.scratch;
    return s ? [s.scale, s.theta, s.noisyGrad, s.perturbed, s.perturbedGrad, s.hMean] : [];
  }

  /**
   * Updates `state` in place with K sub-batches (the objective's groups) and noise e (K·P); returns the mean
   * over sub-batches of the loss at the perturbed means, as bsamStep's lossAtPerturbed.
   */
  run(state: FusedBsamState, objective: GroupedObjective, K: number, noise: Float32Array, hyper: FusedBsamHyper, lrFactor: number): number {
    const P = this.paramCount;
    if (K < 1 || K > this.maxGroups) throw new Error(`K = ${K} is outside 1 … ${this.maxGroups}`);
    if (noise.length < K * P) throw new Error(`the noise holds ${noise.length} draws, the step needs ${K * P}`);
    if (objective instanceof DenseMlp && objective.workspace.length > 0) return this.runInArena(state, objective, K, noise, hyper, lrFactor);
    const { w, s, gm } = state;
    const { scale, theta, noisyGrad, perturbed, perturbedGrad, hMean } = this.generalScratch();
    const N = hyper.dataSize;
    const KP = K * P;
    for (let i = 0; i < P; i++) scale[i] = 1 / Math.sqrt(N * s[i]);
    for (let k = 0; k < K; k++) {
      const o = k * P;
      for (let i = 0; i < P; i++) theta[o + i] = w[i] + noise[o + i] * scale[i];
    }
    objective.lossAndGradient(theta, K, noisyGrad);
    // One pass over the K noisy gradients for both uses: ρ·g/s as g·(ρ/s), and sqrt(s·g²) as sqrt(s)·|g|
    // (equal in exact arithmetic; they differ far below float32 resolution, and save K·P divisions and roots).
    const rho = hyper.rho;
    for (let i = 0; i < P; i++) {
      const si = s[i];
      const ratio = rho / si;
      const wi = w[i];
      let absSum = 0;
      for (let o = i; o < KP; o += P) {
        const g = noisyGrad[o];
        perturbed[o] = wi + g * ratio;
        absSum += Math.abs(g);
      }
      hMean[i] = (Math.sqrt(si) * absSum) / K;
    }
    const lossSum = objective.lossAndGradient(perturbed, K, perturbedGrad);
    const { beta1, beta2, weightDecay } = hyper;
    const lr = hyper.learningRate * lrFactor;
    const shift = hyper.damping + weightDecay;
    for (let i = 0; i < P; i++) {
      let gradSum = 0;
      for (let o = i; o < KP; o += P) gradSum += perturbedGrad[o];
      const si = s[i];
      const wi = w[i];
      gm[i] = beta1 * gm[i] + (1 - beta1) * (gradSum / K + weightDecay * wi);
      w[i] = wi - (lr * gm[i]) / si;
      s[i] = beta2 * si + (1 - beta2) * (hMean[i] + shift);
    }
    return lossSum / K;
  }

  private generalScratch(): NonNullable<FusedBsamStep['scratch']> {
    const P = this.paramCount;
    const KP = this.maxGroups * P;
    this.scratch ??= {
      scale: new Float32Array(P),
      theta: new Float32Array(KP),
      noisyGrad: new Float32Array(KP),
      perturbed: new Float32Array(KP),
      perturbedGrad: new Float32Array(KP),
      hMean: new Float64Array(P),
    };
    return this.scratch;
  }

  /** The step on a DenseMlp, sub-batch by sub-batch in its arena (see the file's comment). */
  private runInArena(state: FusedBsamState, mlp: DenseMlp, K: number, noise: Float32Array, hyper: FusedBsamHyper, lrFactor: number): number {
    const P = this.paramCount;
    if (mlp.paramCount !== P) throw new Error(`the network has ${mlp.paramCount} parameters, this step ${P}`);
    const arena = mlp.arena;
    const [w, s, gm, e, hSum, gSum] = mlp.workspace;
    const { params, gradient } = mlp;
    w.set(state.w);
    s.set(state.s);
    gm.set(state.gm);
    const views = this.noiseOf(noise);
    let lossSum = 0;
    for (let k = 0; k < K; k++) {
      e.set(views[k]);
      arena.bsamNoisy(params, w, s, e, P, hyper.dataSize);
      mlp.groupLossAndGradient(k);
      arena.bsamPerturb(params, hSum, w, s, gradient, P, hyper.rho, k === 0);
      lossSum += mlp.groupLossAndGradient(k);
      arena.accumulate(gSum, gradient, P, k === 0);
    }
    const u = this.update;
    u.K = K;
    u.beta1 = hyper.beta1;
    u.beta2 = hyper.beta2;
    u.decay = hyper.weightDecay;
    u.lr = hyper.learningRate * lrFactor;
    u.shift = hyper.damping + hyper.weightDecay;
    arena.bsamUpdate(w, s, gm, gSum, hSum, P, u);
    state.w.set(w);
    state.s.set(s);
    state.gm.set(gm);
    return lossSum / K;
  }

  private noiseOf(noise: Float32Array): Float32Array[] {
    if (this.noiseViews?.buffer !== noise) {
      const P = this.paramCount;
      const groups = Math.floor(noise.length / P);
      this.noiseViews = { buffer: noise, views: Array.from({ length: groups }, (_, k) => noise.subarray(k * P, (k + 1) * P)) };
    }
    return this.noiseViews.views;
  }
}
