import type { DataSnapshot } from '../../worker/train-protocol.ts';
import type { RunView } from './training-client.ts';

export interface BoundaryLegendFacts {
  classes: number;
  /** A run has a posterior (bSAM). */
  posterior: boolean;
  /** Posterior-sample boundaries are drawn. */
  samples: boolean;
  hasTest: boolean;
}

/** What the boundary legend lists, read from what the runs draw: the legend names only marks on the plot. */
export function boundaryLegendFacts(runs: readonly RunView[], data: DataSnapshot | null): BoundaryLegendFacts {
  return {
    classes: runs.find((r) => r.grid)?.grid?.classes ?? data?.classes ?? 2,
    posterior: runs.some((r) => r.kind === 'bsam'),
    samples: runs.some((r) => (r.grid?.samples.length ?? 0) > 0),
    hasTest: (data?.test.length ?? 0) > 0,
  };
}
