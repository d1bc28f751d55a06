import { formatNumber } from '../kit/format.ts';
/**
 * The jumps of a minimiser path: consecutive computed σ values between which the minimiser moves by
 * more than a fraction of the m-domain. A minimiser that moves continuously changes by about a grid
 * step's worth per σ value; a jump between wells moves by the distance between them.
 */
export const JUMP_FRACTION = 0.2;

export interface Jump {
  /** σ before and after the jump (the jump happens somewhere between them). */
  sigmaBefore: number;
  sigmaAfter: number;
  mBefore: number;
  mAfter: number;
}

export function findJumps(sigma: Float64Array, argmin: Float64Array, span: number): Jump[] {
  const jumps: Jump[] = [];
  for (let j = 0; j + 1 < sigma.length; j++) {
    const a = argmin[j];
    const b = argmin[j + 1];
    if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(b - a) > JUMP_FRACTION * span) {
      jumps.push({ sigmaBefore: sigma[j], sigmaAfter: sigma[j + 1], mBefore: a, mAfter: b });
    }
  }
  return jumps;
}

/** Index of the computed σ nearest to `sigma` on a log scale. */
export function nearestIndex(sigmaGrid: Float64Array, sigma: number): number {
  let best = 0;
  for (let j = 1; j < sigmaGrid.length; j++) if (Math.abs(Math.log(sigmaGrid[j] / sigma)) < Math.abs(Math.log(sigmaGrid[best] / sigma))) best = j;
  return best;
}

/** The sentence under the plot: each jump of one objective's minimiser, or why there is none. */
export function describeJumps(name: string, jumps: readonly Jump[], argmins: Float64Array): string {
  // With no minimiser anywhere there is no path to describe (the notes below say why).
  if (argmins.every(Number.isNaN)) return `${name} has no minimiser at any σ shown.`;
  if (jumps.length === 0) return `${name}’s minimiser moves without jumping.`;
  return jumps
    .map((j) => `${name}’s minimiser jumps from m ≈ ${j.mBefore.toFixed(2)} to m ≈ ${j.mAfter.toFixed(2)} between σ = ${formatNumber(j.sigmaBefore)} and ${formatNumber(j.sigmaAfter)}.`)
    .join(' ');
}
