/**
 * The σ or ρ sweep of the Play button as pure functions of time, so the pacing is testable: the value
 * moves log-uniformly from `from` to `to` in `durationMs` (classroom pacing: slow enough to watch the
 * jump; slower still at the classroom's slow pace), and the state is only updated every `stepMs` (each
 * update recomputes the 1-D panel).
 */
import type { Pace } from '../kit/pace.ts';

/** How long one sweep across the range takes, by pace: at "slow" a teacher can talk over the jump. */
export const SWEEP_DURATION_MS: Readonly<Record<Pace, number>> = { normal: 12_000, slow: 36_000 };
export const SWEEP_STEP_MS = 150;

export interface SweepRange {
  from: number;
  to: number;
}

/** Fraction of the log range at which the value lies (clamped to [0, 1]). */
export function sweepFraction(value: number, r: SweepRange): number {
  if (!(value > r.from)) return 0;
  if (value >= r.to) return 1;
  return Math.log(value / r.from) / Math.log(r.to / r.from);
}

/** The value at `elapsedMs` of a sweep that started at fraction `start`; 3 significant digits like the sliders. */
export function sweepValue(start: number, elapsedMs: number, r: SweepRange, durationMs: number): { value: number; finished: boolean } {
  const t = Math.min(1, start + Math.max(0, elapsedMs) / durationMs);
  const value = Number((r.from * (r.to / r.from) ** t).toPrecision(3));
  return { value: Math.min(Math.max(value, r.from), r.to), finished: t >= 1 };
}

/** Where Play starts: from the current value, or from the start when it is at (or past) the end. */
export function sweepStart(value: number, r: SweepRange): number {
  const f = sweepFraction(value, r);
  return f >= 0.999 ? 0 : f;
}
