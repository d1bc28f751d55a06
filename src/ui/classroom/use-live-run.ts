/**
 * The tour bar's view of a live step's run. The training remote is a ref (so the panel's frequent
 * progress renders re-render nothing else), so the bar reads it a few times a second while a step that
 * trains is shown, and re-renders only when what it says changes.
 */
import { useEffect, useState } from 'react';
import type { Pace } from '../kit/pace.ts';
import type { TrainingRemoteSlot } from '../training/training-remote.ts';
import { liveStepText } from './live-step.ts';
import type { LiveStepText } from './live-step.ts';

const LIVE_POLL_MS = 250;

export function useLiveRun(remote: TrainingRemoteSlot, active: boolean, pace: Pace): LiveStepText | null {
  const [text, setText] = useState<LiveStepText | null>(null);
  useEffect(() => {
    if (!active) return undefined;
    const read = () =>
      setText((prev) => {
        const next = liveStepText(remote.current, pace);
        return prev && next && prev.state === next.state && prev.text === next.text ? prev : next;
      });
    read();
    const timer = setInterval(read, LIVE_POLL_MS);
    return () => clearInterval(timer);
  }, [active, pace, remote]);
  return active ? text : null;
}
