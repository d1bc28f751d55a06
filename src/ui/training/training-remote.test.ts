import { describe, expect, it } from 'vitest';
import type { TrainStatus } from './training-client.ts';
import { togglePlay, type TrainingRemote } from './training-remote.ts';

function remote(status: TrainStatus) {
  const calls: string[] = [];
  const r: TrainingRemote = { status, atStep: 0, stopped: null, play: () => calls.push('play'), pause: () => calls.push('pause'), step: () => calls.push('step'), reset: () => calls.push('reset') };
  return { r, calls };
}

describe('togglePlay (Space in classroom mode)', () => {
  it('plays a paused run and pauses a running one', () => {
    const paused = remote('paused');
    togglePlay(paused.r);
    expect(paused.calls).toEqual(['play']);
    const running = remote('running');
    togglePlay(running.r);
    expect(running.calls).toEqual(['pause']);
  });

  it('leaves a finished run finished (Space after the last tour step played it on until it diverged)', () => {
    for (const status of ['finished', 'diverged', 'idle', 'error'] as const) {
      const { r, calls } = remote(status);
      togglePlay(r);
      expect(calls).toEqual([]);
    }
  });
});
