/**
 * What the tour bar says about a live step's training run, so the class sees it is running (and at what
 * pace) and, clearly, when it is done: finished at the end of its epochs, or paused where the step stops
 * it (its "pause at step"). Null where there is nothing to say (no run, or a step that does not train).
 */
import { SLOW_PACE_SPEED } from '../kit/pace.ts';
import type { Pace } from '../kit/pace.ts';
import type { TrainingRemote } from '../training/training-remote.ts';

export interface LiveStepText {
  state: 'building' | 'running' | 'paused' | 'finished' | 'diverged';
  text: string;
}

type RunSeen = Pick<TrainingRemote, 'status' | 'atStep' | 'stopped'>;

export function liveStepText(run: RunSeen | null, pace: Pace): LiveStepText | null {
  if (!run) return null;
  switch (run.status) {
    case 'idle':
      return { state: 'building', text: 'Building the run…' };
    case 'running':
      return {
        state: 'running',
        text: pace === 'slow' ? `Training at the slow pace (about ${Math.round(1000 / SLOW_PACE_SPEED.intervalMs)} steps/s), step ${run.atStep}…` : `Training, step ${run.atStep}…`,
      };
    case 'finished':
      return { state: 'finished', text: `✓ Run finished at step ${run.atStep}: its epochs are done. Next → when you are ready.` };
    case 'paused':
      return run.stopped?.reason === 'pause-at' && run.stopped.step === run.atStep
        ? { state: 'finished', text: `✓ Paused at step ${run.atStep}, where this step stops the run.` }
        : { state: 'paused', text: `Paused at step ${run.atStep} (Space plays on).` };
    case 'diverged':
    case 'error':
      return { state: 'diverged', text: 'The run stopped with an error: R resets it.' };
  }
}
