/**
 * One bSAM step exactly as the official optimizer runs it (theory.md §5), on flat parameter buffers and in
 * place: the fused counterpart of src/train/bsam.ts. The noise e (K·P standard normals, sub-batch k at k·P)
 * is an input, so runs replay and the reference traces can be checked.
 *
 * For each sub-batch k:  θ_k = w + e_k·sqrt(1/(N·s));  g_k = ∇ℓ_k(θ_k);  ĝ_k = ∇ℓ_k(w + ρ·g_k/s) (the MEAN
 * is perturbed, no normalisation);  h_k = sqrt(s·g_k²).  Then g_m ← β₁g_m + (1−β₁)(mean ĝ + δw);
 * w ← w − α·lr·g_m/s with the OLD s;  s ← β₂s + (1−β₂)(mean h + γ + δ).
 */
import type { BsamHyper } from '../bsam.ts';
import type { GroupedObjective } from './dense-mlp.ts';

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
  private readonly scale: Float32Array;
  private readonly theta: Float32Array;
  private readonly noisyGrad: Float32Array;
  private readonly perturbed: Float32Array;
  private readonly perturbedGrad: Float32Array;
  /** mean_k h_k, kept in doubles until the s update. */
  private readonly hMean: Float64Array;

  constructor(
    readonly paramCount: number,
    readonly maxGroups: number,
  ) {
    this.scale = new Float32Array(paramCount);
    this.theta = new Float32Array(maxGroups * paramCount);
    this.noisyGrad = new Float32Array(maxGroups * paramCount);
    this.perturbed = new Float32Array(maxGroups * paramCount);
    this.perturbedGrad = new Float32Array(maxGroups * paramCount);
    this.hMean = new Float64Array(paramCount);
  }

  /** The step's scratch buffers (for tests that check nothing is reallocated). */
  buffers(): (Float32Array | Float64Array)[] {
    return [this.scale, this.theta, this.noisyGrad, this.perturbed, this.perturbedGrad, this.hMean];
  }

  /**
   * Updates `state` in place with K sub-batches (the objective's groups) and noise e (K·P); returns the mean
   * over sub-batches of the loss at the perturbed means, as bsamStep's lossAtPerturbed.
   */
  run(state: FusedBsamState, objective: GroupedObjective, K: number, noise: Float32Array, hyper: FusedBsamHyper, lrFactor: number): number {
    const P = this.paramCount;
    if (K < 1 || K > this.maxGroups) throw new Error(`K = ${K} is outside 1 … ${this.maxGroups}`);
    if (noise.length < K * P) throw new Error(`the noise holds ${noise.length} draws, the step needs ${K * P}`);
    const { w, s, gm } = state;
    const { scale, theta, noisyGrad, perturbed, perturbedGrad, hMean } = this;
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
}
