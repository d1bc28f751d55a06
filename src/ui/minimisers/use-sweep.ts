/**
 * The Play/Pause sweep of σ or ρ: a requestAnimationFrame loop that dispatches the value at most every
 * SWEEP_STEP_MS (each dispatch recomputes the 1-D panel, so every frame would be too many), each as a
 * transition. Pauses by itself at the end of the range and then says it finished (until played again or
 * the axis changes), and stops when the panel unmounts.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { SWEEP_STEP_MS, sweepStart, sweepValue } from './sweep.ts';
import type { SweepRange } from './sweep.ts';

export type SweepStatus = 'idle' | 'playing' | 'finished';

export interface Sweep {
  status: SweepStatus;
  toggle: () => void;
}

/** `key` names what is swept (the axis): a new key stops a running sweep and forgets a finished one. */
export function useSweep(key: string, value: number, range: SweepRange, durationMs: number, setValue: (value: number) => void): Sweep {
  const [state, setState] = useState<{ key: string; status: SweepStatus }>({ key, status: 'idle' });
  const status: SweepStatus = state.key === key ? state.status : 'idle';
  const latest = useRef({ value, range, setValue, durationMs });
  useEffect(() => {
    latest.current = { value, range, setValue, durationMs };
  });

  useEffect(() => {
    if (status !== 'playing') return;
    const { range: r, durationMs: duration } = latest.current;
    const start = sweepStart(latest.current.value, r);
    const t0 = performance.now();
    let lastDispatch = -Infinity;
    let frame = 0;
    const tick = (now: number) => {
      if (now - lastDispatch >= SWEEP_STEP_MS) {
        lastDispatch = now;
        const { value: next, finished } = sweepValue(start, now - t0, r, duration);
        // A transition: React renders the panels in slices and yields between them, so one step of the
        // sweep does not become one long main-thread task.
        if (next !== latest.current.value) startTransition(() => latest.current.setValue(next));
        if (finished) {
          setState({ key, status: 'finished' });
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [status, key]);

  const toggle = useCallback(() => setState((s) => ({ key, status: s.key === key && s.status === 'playing' ? 'idle' : 'playing' })), [key]);
  return { status, toggle };
}
