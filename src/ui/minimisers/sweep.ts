/**
 * The σ sweep of the Play button as pure functions of time, so the pacing is testable: σ moves
 * log-uniformly from `from` to `to` in `durationMs` (classroom pacing: slow enough to watch the jump),
 * and the state is only updated every `stepMs` (each update recomputes the 1-D panel on the main thread).
 */
export const SWEEP_DURATION_MS = 12_000;
export const SWEEP_STEP_MS = 150;

export interface SweepRange {
  from: number;
  to: number;
}

/** Fraction of the log range at which σ lies (clamped to [0, 1]). */
export function sweepFraction(sigma: number, r: SweepRange): number {
  if (!(sigma > r.from)) return 0;
  if (sigma >= r.to) return 1;
  return Math.log(sigma / r.from) / Math.log(r.to / r.from);
}

/** σ at `elapsedMs` of a sweep that started at fraction `start`; 3 significant digits like the σ slider. */
export function sweepSigma(start: number, elapsedMs: number, r: SweepRange, durationMs = SWEEP_DURATION_MS): { sigma: number; finished: boolean } {
  const t = Math.min(1, start + Math.max(0, elapsedMs) / durationMs);
  const sigma = Number((r.from * (r.to / r.from) ** t).toPrecision(3));
  return { sigma: Math.min(Math.max(sigma, r.from), r.to), finished: t >= 1 };
}

/** Where Play starts: from the current σ, or from the start when it is at (or past) the end. */
export function sweepStart(sigma: number, r: SweepRange): number {
  const f = sweepFraction(sigma, r);
  return f >= 0.999 ? 0 : f;
}
