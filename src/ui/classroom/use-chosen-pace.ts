import { useCallback, useState } from 'react';
import type { Pace } from '../kit/pace.ts';
import { paceFromUrl, withPaceParam } from './classroom-url.ts';

/** The pace chosen in the tour bar, read from the address at load and kept in it. */
export function useChosenPace(): [Pace, (pace: Pace) => void] {
  const [pace, setPaceFlag] = useState<Pace>(() => paceFromUrl(window.location.href));
  const setPace = useCallback((next: Pace) => {
    setPaceFlag(next);
    // In the address like classroom mode, so a teacher's link opens at the pace the class is used to.
    window.history.replaceState(window.history.state, '', withPaceParam(window.location.href, next));
  }, []);
  return [pace, setPace];
}
