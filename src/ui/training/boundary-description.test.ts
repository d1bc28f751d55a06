import { describe, expect, it } from 'vitest';
import { boundaryDescription } from './boundary-description.ts';

const base = { runLabel: 'bSAM', heatmap: 'probability', source: 'averaged', trainCount: 3, testCount: 2, sampleContours: 0 } as const;

describe('boundaryDescription', () => {
  it('names the run, the heatmap and the point counts', () => {
    expect(boundaryDescription(base)).toBe('Decision boundary of bSAM: predictive probability of class 1 over the input plane, 3 training and 2 test points.');
  });

  it('mentions the posterior-sample boundaries and which prediction the thick one is', () => {
    expect(boundaryDescription({ ...base, heatmap: 'entropy', source: 'mean', sampleContours: 4 })).toBe(
      'Decision boundary of bSAM: entropy of the prediction in nats over the input plane, 3 training and 2 test points, the mean-weights boundary and 4 posterior-sample boundaries.',
    );
  });
});
