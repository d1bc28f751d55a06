import { describe, expect, it } from 'vitest';
import { requestOutcome } from './use-latest-request.ts';

describe('requestOutcome', () => {
  it('invalid inputs are an error with their reason (or a generic one)', () => {
    expect(requestOutcome(null, null, 'σ from must be less than σ to')).toEqual({ status: 'error', error: 'σ from must be less than σ to', elapsedMs: null, where: null });
    expect(requestOutcome(null, null, null).error).toBe('Invalid inputs.');
  });

  it('computing until the current key is answered; then ready with where and how fast, or the error', () => {
    expect(requestOutcome('k', null, null).status).toBe('computing');
    expect(requestOutcome('k', { kind: 'result', elapsedMs: 12, where: 'worker' }, null)).toEqual({ status: 'ready', error: null, elapsedMs: 12, where: 'worker' });
    expect(requestOutcome('k', { kind: 'error', message: 'boom' }, null)).toEqual({ status: 'error', error: 'boom', elapsedMs: null, where: null });
  });
});
