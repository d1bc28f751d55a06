import { describe, expect, it } from 'vitest';
import type { DataSnapshot } from '../../worker/train-protocol.ts';
import { boundaryLegendFacts } from './boundary-legend-facts.ts';
import type { RunView } from './training-client.ts';

const run = (kind: string, grid: { classes: number; samples: number } | null) =>
  ({ kind, grid: grid && { classes: grid.classes, samples: Array.from({ length: grid.samples }, () => new Float32Array(1)) } }) as unknown as RunView;
const data = (classes: number, test: number) => ({ classes, train: [], test: Array.from({ length: test }, () => ({ x: 0, y: 0, label: 0 })) }) as unknown as DataSnapshot;

describe('boundaryLegendFacts', () => {
  it('lists nothing a plot does not draw before the worker answers', () => {
    expect(boundaryLegendFacts([], null)).toEqual({ classes: 2, posterior: false, samples: false, hasTest: false });
  });
  it('takes the classes from the drawn grid first, then from the data', () => {
    expect(boundaryLegendFacts([run('sgd', null)], data(3, 0)).classes).toBe(3);
    expect(boundaryLegendFacts([run('sgd', { classes: 2, samples: 0 })], data(3, 0)).classes).toBe(2);
  });
  it('names the posterior and its sample boundaries only when a run draws them', () => {
    expect(boundaryLegendFacts([run('adam', { classes: 2, samples: 0 }), run('bsam', { classes: 2, samples: 0 })], data(2, 10))).toEqual({
      classes: 2,
      posterior: true,
      samples: false,
      hasTest: true,
    });
    expect(boundaryLegendFacts([run('bsam', { classes: 2, samples: 20 })], data(2, 0)).samples).toBe(true);
  });
});
