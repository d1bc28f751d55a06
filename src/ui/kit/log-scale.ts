/**
 * A range input works on integer steps; these map steps to a log-spaced value and back. Values are
 * rounded to 3 significant digits so the numeric field shows 0.251, not 0.25118864315; with 500 steps
 * a step is ≥ 1.4 % of the value, more than twice that rounding, so arrow keys never get stuck.
 */
export interface LogRange {
  min: number;
  max: number;
  steps: number;
}

export function logStepToValue(step: number, r: LogRange): number {
  const t = Math.min(1, Math.max(0, step / r.steps));
  const v = r.min * Math.pow(r.max / r.min, t);
  return Number(v.toPrecision(3));
}

/** Values outside the range (including ρ = 0) pin the thumb to the nearest end. */
export function valueToLogStep(value: number, r: LogRange): number {
  if (!(value > r.min)) return 0;
  if (value >= r.max) return r.steps;
  return Math.round((r.steps * Math.log(value / r.min)) / Math.log(r.max / r.min));
}

/**
 * The sliders' spans for σ and ρ, one for every panel: where people explore. The typed field beside a
 * slider accepts the field's whole schema range, which is wider.
 */
export const SIGMA_SLIDER: LogRange = { min: 0.01, max: 10, steps: 500 };
export const RHO_SLIDER: LogRange = { min: 0.001, max: 10, steps: 500 };
