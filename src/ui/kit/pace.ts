/**
 * The classroom's playback pace for live things (a tour step's training run, the minimiser sweep):
 * "slow" is for a teacher talking over them. Set by the classroom shell (a page parameter of the link,
 * like classroom mode) and read by the panels, which know nothing of the shell: hence a context here.
 */
import { createContext, useContext } from 'react';

export const PACES = ['normal', 'slow'] as const;
export type Pace = (typeof PACES)[number];

/**
 * A training run at the slow pace: one step, then a 66 ms wait — at most about 15 steps a second, so the
 * official demo's 750 steps take about a minute, slow enough for a teacher to talk over.
 */
export const SLOW_PACE_SPEED = { stepsPerTick: 1, intervalMs: 66 } as const;

export const PaceContext = createContext<Pace>('normal');

export function usePace(): Pace {
  return useContext(PaceContext);
}
