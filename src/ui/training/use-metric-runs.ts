/** The metric chart's runs (the main run, and the compared one if any), memoised on the histories themselves. */
import { useMemo } from 'react';
import type { MetricRun } from './metric-series.ts';
import type { LabelledRun } from './run-labels.ts';

export function useMetricRuns(runs: readonly LabelledRun[]): MetricRun[] {
  const m0 = runs[0]?.view?.metrics;
  const m1 = runs[1]?.view?.metrics;
  // Before the worker's first progress the chart has no run to name.
  const label0 = runs[0]?.view ? runs[0].label : '';
  const label1 = runs[1]?.label ?? '';
  return useMemo<MetricRun[]>(
    () => [{ label: label0, metrics: m0 ?? [] }, ...(m1 ? [{ label: label1, metrics: m1 }] : [])],
    [m0, m1, label0, label1],
  );
}
