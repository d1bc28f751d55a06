/** What the metrics chart draws: the series of each row, and in compare mode one colour per run. */
import type { MetricPoint } from '../../worker/train-protocol.ts';

export interface MetricRun {
  label: string;
  metrics: MetricPoint[];
}

export interface Series {
  label: string;
  colour: string;
  dash: number[];
  value: (m: MetricPoint) => number;
}

export const LOSS_SERIES: Series[] = [
  { label: 'train loss', colour: '#1c1e21', dash: [], value: (m) => m.trainLoss },
  { label: 'NLL', colour: '#d95f02', dash: [5, 3], value: (m) => m.nll },
];
export const RATE_SERIES: Series[] = [
  { label: 'accuracy', colour: '#1b7837', dash: [], value: (m) => m.testAccuracy },
  { label: 'ECE', colour: '#7570b3', dash: [5, 3], value: (m) => m.ece },
];

/** Run colours in compare mode (the metric is then told by the dash). */
export const RUN_COLOURS = ['#2166ac', '#d95f02'] as const;

export function seriesOf(runs: MetricRun[]): { run: number; series: Series; loss: boolean }[] {
  if (runs.length <= 1) return [...LOSS_SERIES.map((series) => ({ run: 0, series, loss: true })), ...RATE_SERIES.map((series) => ({ run: 0, series, loss: false }))];
  return runs.flatMap((_, run) => [
    ...LOSS_SERIES.map((s) => ({ run, series: { ...s, colour: RUN_COLOURS[run % RUN_COLOURS.length] }, loss: true })),
    ...RATE_SERIES.map((s) => ({ run, series: { ...s, colour: RUN_COLOURS[run % RUN_COLOURS.length] }, loss: false })),
  ]);
}
