// Failure paths of the handler with the maths mocked, so they are tested independently of which
// expressions the real compiler rejects and of how the grid algorithm can fail.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../math/expression.ts', () => ({
  compileExpression: (source: string) =>
    source === 'bad'
      ? { ok: false, error: { message: 'Unexpected end of input at column 4', position: 3 } }
      : { ok: true, fn: (t: number) => t, fn1: (t: number) => t, variables: ['theta'], source },
}));
vi.mock('../math/msigma.ts', () => ({
  computeMSigmaGrid: () => {
    throw new Error('boom');
  },
}));

const { handleLandscapeRequest } = await import('./landscape-handler.ts');

const request = { id: 5, kind: 'msigma', expression: 'theta', mFrom: -1, mTo: 1, mPoints: 4, sigmaFrom: 0.1, sigmaTo: 1, sigmaPoints: 3 };

describe('handleLandscapeRequest failure paths', () => {
  it('passes the compiler message on for an invalid expression', () => {
    const res = handleLandscapeRequest({ ...request, expression: 'bad' });
    expect(res).toEqual({ id: 5, kind: 'error', message: 'Invalid loss expression: Unexpected end of input at column 4' });
  });

  it('turns an exception of the grid computation into an error response', () => {
    const res = handleLandscapeRequest(request);
    expect(res.kind).toBe('error');
    expect(res.id).toBe(5);
    if (res.kind === 'error') expect(res.message).toContain('boom');
  });
});
