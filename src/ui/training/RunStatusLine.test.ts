import { describe, expect, it } from 'vitest';
import { pauseReasonText } from './RunStatusLine.tsx';

describe('pauseReasonText', () => {
  it('says "as set" only for the pause the user set', () => {
    expect(pauseReasonText({ step: 40, reason: 'pause-at' }, 3)).toBe('paused at step 40, as set in “Pause at step”');
    expect(pauseReasonText({ step: 750, reason: 'end-of-run' }, 30)).toBe("stopped at step 750: the run's 30 epochs are done");
    expect(pauseReasonText({ step: 900, reason: 'extra-epochs-done' }, 36)).toBe('stopped at step 900: the extra epochs are done (epoch 36)');
  });
});
