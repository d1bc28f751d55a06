import { describe, expect, it } from 'vitest';
import { msigmaSchema } from './experiment.ts';
import { decodeFragment } from './permalink/index.ts';

describe('the (m, σ) map’s σ range: one set of bounds for links and the field', () => {
  it('a link with σ to = 1e300 is clamped to the schema’s 1000 with a notice, not taken silently', () => {
    const { state, notices } = decodeFragment('v=1&ms.sigmaTo=1e300');
    expect(state.msigma.sigmaTo).toBe(msigmaSchema.shape.sigmaTo.maxValue);
    expect(notices.map((n) => n.key)).toContain('ms.sigmaTo');
  });

  it('a link with σ from ≥ σ to is refused with a notice and leaves a valid range', () => {
    const { state, notices } = decodeFragment('v=1&ms.sigmaFrom=5');
    expect(state.msigma.sigmaFrom).toBeLessThan(state.msigma.sigmaTo);
    expect(notices.length).toBeGreaterThan(0);
  });

  it('keeps a valid tiny σ from (1e-300): the map then starts there', () => {
    expect(decodeFragment('v=1&ms.sigmaFrom=1e-300').state.msigma.sigmaFrom).toBe(1e-300);
  });
});
