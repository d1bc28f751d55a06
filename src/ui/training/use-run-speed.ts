import { useEffect, useState } from 'react';
import { SLOW_PACE_SPEED, usePace } from '../kit/pace.ts';
import type { TrainingControls } from './use-training-worker.ts';

/**
 * The run's speed: the one chosen in the run bar, sent to the worker. The classroom's slow pace (a tour
 * step's live run) overrides it while it lasts.
 */
export function useRunSpeed(sendSpeed: TrainingControls['setSpeed']): { speed: number; setSpeed: (stepsPerTick: number) => void; slowPace: boolean } {
  const [speed, setSpeed] = useState(1000);
  const slowPace = usePace() === 'slow';
  useEffect(() => {
    if (slowPace) sendSpeed(SLOW_PACE_SPEED.stepsPerTick, SLOW_PACE_SPEED.intervalMs);
    else sendSpeed(speed);
  }, [slowPace, speed, sendSpeed]);
  return { speed, setSpeed, slowPace };
}
