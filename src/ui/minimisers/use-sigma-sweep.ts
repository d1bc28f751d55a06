/**
 * The Play/Pause sweep of σ: a requestAnimationFrame loop that dispatches σ at most every
 * SWEEP_STEP_MS (each dispatch recomputes the 1-D panel on the main thread, so every frame would be
 * too many), each as a transition. Pauses by itself at the end of the range, and when the panel unmounts.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { SWEEP_STEP_MS, sweepSigma, sweepStart } from './sweep.ts';
import type { SweepRange } from './sweep.ts';

export function useSigmaSweep(sigma: number, range: SweepRange, setSigma: (sigma: number) => void): { playing: boolean; toggle: () => void } {
  const [playing, setPlaying] = useState(false);
  const latest = useRef({ sigma, range, setSigma });
  useEffect(() => {
    latest.current = { sigma, range, setSigma };
  });

  useEffect(() => {
    if (!playing) return;
    const { range: r } = latest.current;
    const start = sweepStart(latest.current.sigma, r);
    const t0 = performance.now();
    let lastDispatch = -Infinity;
    let frame = 0;
    const tick = (now: number) => {
      if (now - lastDispatch >= SWEEP_STEP_MS) {
        lastDispatch = now;
        const { sigma: next, finished } = sweepSigma(start, now - t0, r);
        // A transition: React renders the panels in slices and yields between them, so one step of the
        // sweep does not become one long main-thread task.
        if (next !== latest.current.sigma) startTransition(() => latest.current.setSigma(next));
        if (finished) {
          setPlaying(false);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const toggle = useCallback(() => setPlaying((p) => !p), []);
  return { playing, toggle };
}
