/** The metrics chart in words, for its accessible name (the canvas itself says nothing to a screen reader). */
import type { MetricPoint } from '../../worker/train-protocol.ts';
import type { MetricRun } from './metric-series.ts';

/** First and last finite training loss of the history, for the legend and the tests. */
export function lossEnds(metrics: MetricPoint[]): { first: number | null; last: number | null } {
  const finite = metrics.filter((m) => Number.isFinite(m.trainLoss));
  return { first: finite[0]?.trainLoss ?? null, last: finite[finite.length - 1]?.trainLoss ?? null };
}

function compareSummary(run: MetricRun): string {
  const { first, last } = lossEnds(run.metrics);
  return first !== null && last !== null ? `; ${run.label} from ${first.toPrecision(3)} to ${last.toPrecision(3)}` : '';
}

/** How the main run's training loss went (and in compare mode the other run's), or that there is nothing yet. */
export function metricsSummary(runs: readonly MetricRun[]): string {
  const metrics = runs[0]?.metrics ?? [];
  const { first, last } = lossEnds(metrics);
  if (first === null || last === null) return 'Metrics: none yet.';
  const compare = runs.length > 1;
  return `Metrics over ${metrics.length} epochs: ${compare ? `${runs[0].label} ` : ''}training loss from ${first.toPrecision(3)} to ${last.toPrecision(3)}${
    compare ? compareSummary(runs[1]) : ''
  }.`;
}
