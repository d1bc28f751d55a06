/**
 * The jumps of a minimiser path: consecutive computed σ (or ρ) values between which the minimiser moves
 * by more than a fraction of the m-domain. A minimiser that moves continuously changes by about a grid
 * step's worth per value; a jump between wells moves by the distance between them.
 */
export const JUMP_FRACTION = 0.2;

export interface Jump {
  /** σ (or ρ) before and after the jump (the jump happens somewhere between them). */
  before: number;
  after: number;
  mBefore: number;
  mAfter: number;
}

export function findJumps(values: Float64Array, argmin: Float64Array, span: number): Jump[] {
  const jumps: Jump[] = [];
  for (let j = 0; j + 1 < values.length; j++) {
    const a = argmin[j];
    const b = argmin[j + 1];
    if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(b - a) > JUMP_FRACTION * span) {
      jumps.push({ before: values[j], after: values[j + 1], mBefore: a, mAfter: b });
    }
  }
  return jumps;
}

/** Index of the computed value nearest to `value` on a log scale. */
export function nearestIndex(grid: Float64Array, value: number): number {
  let best = 0;
  for (let j = 1; j < grid.length; j++) if (Math.abs(Math.log(grid[j] / value)) < Math.abs(Math.log(grid[best] / value))) best = j;
  return best;
}

/** Both ends of a jump with three significant digits (0.130 and 0.138, not 0.13 and 0.1378). */
function sameDigits(v: number): string {
  return v.toPrecision(3);
}

/** The sentence under the plot: each jump of one objective's minimiser, or why there is none. */
export function describeJumps(name: string, jumps: readonly Jump[], argmins: Float64Array, symbol = 'σ'): string {
  // With no minimiser anywhere there is no path to describe (the notes below say why).
  if (argmins.every(Number.isNaN)) return `${name} has no minimiser at any ${symbol} shown.`;
  if (jumps.length === 0) return `${name}’s minimiser moves without jumping.`;
  return jumps
    .map((j) => `${name}’s minimiser jumps from m ≈ ${j.mBefore.toFixed(2)} to m ≈ ${j.mAfter.toFixed(2)} between ${symbol} = ${sameDigits(j.before)} and ${sameDigits(j.after)}.`)
    .join(' ');
}
