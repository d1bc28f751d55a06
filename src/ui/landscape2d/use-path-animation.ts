/**
 * The number of steps of the optimizer paths drawn so far: it runs from 0 to `steps` over about
 * DURATION_MS whenever `key` (the paths) changes, so a new start point replays the descent. With
 * prefers-reduced-motion the whole path is shown at once.
 */
import { useEffect, useState } from 'react';

const DURATION_MS = 1600;

function reducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

export function usePathAnimation(key: string, steps: number): number {
  const [frame, setFrame] = useState<{ key: string; step: number }>({ key: '', step: steps });
  useEffect(() => {
    if (reducedMotion()) return undefined;
    let raf = 0;
    const started = performance.now();
    const tick = (now: number) => {
      const step = Math.min(steps, Math.round(((now - started) / DURATION_MS) * steps));
      setFrame({ key, step });
      if (step < steps) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [key, steps]);
  // A new key starts from its first step (no flash of the finished path); reduced motion shows it all.
  if (frame.key === key) return frame.step;
  return reducedMotion() ? steps : 0;
}
