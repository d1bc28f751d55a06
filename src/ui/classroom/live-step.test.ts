import { describe, expect, it } from 'vitest';
import { liveStepText } from './live-step.ts';

const run = (status: 'idle' | 'running' | 'paused' | 'finished' | 'diverged' | 'error', atStep = 0, stopped: { step: number; reason: 'pause-at' | 'end-of-run' | 'extra-epochs-done' } | null = null) => ({ status, atStep, stopped });

describe('liveStepText (the tour bar on a step that trains)', () => {
  it('says the run is going, and at which pace', () => {
    expect(liveStepText(run('running', 12), 'normal')).toEqual({ state: 'running', text: 'Training, step 12…' });
    expect(liveStepText(run('running', 12), 'slow')?.text).toBe('Training at the slow pace (about 15 steps/s), step 12…');
    expect(liveStepText(run('idle'), 'slow')?.state).toBe('building');
  });

  it('says clearly when it is done: at the end of its epochs, or paused where the step stops it', () => {
    expect(liveStepText(run('finished', 750, { step: 750, reason: 'end-of-run' }), 'normal')).toEqual({
      state: 'finished',
      text: '✓ Run finished at step 750: its epochs are done. Next → when you are ready.',
    });
    expect(liveStepText(run('paused', 450, { step: 450, reason: 'pause-at' }), 'slow')).toEqual({ state: 'finished', text: '✓ Paused at step 450, where this step stops the run.' });
  });

  it('a pause by hand (or a later step) is not called finished', () => {
    expect(liveStepText(run('paused', 300), 'normal')).toEqual({ state: 'paused', text: 'Paused at step 300 (Space plays on).' });
    expect(liveStepText(run('paused', 460, { step: 450, reason: 'pause-at' }), 'normal')?.state).toBe('paused');
    expect(liveStepText(run('diverged', 3), 'normal')?.state).toBe('diverged');
    expect(liveStepText(null, 'normal')).toBeNull();
  });
});
