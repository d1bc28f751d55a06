import { LOSS_SERIES, RATE_SERIES, RUN_COLOURS } from './metric-series.ts';
import type { MetricRun } from './metric-series.ts';

/** The metrics chart's legend: in compare mode a colour per run and a dash per metric, else a colour per metric. */
export function MetricsLegend({ runs }: { runs: MetricRun[] }) {
  return (
    <ul className="train-legend" aria-label="Metric legend">
      {runs.length > 1 &&
        runs.map((r, k) => (
          <li key={`run-${k}`}>
            <svg width={12} height={8} aria-hidden="true">
              <rect width={12} height={8} fill={RUN_COLOURS[k % RUN_COLOURS.length]} />
            </svg>
            {r.label}
          </li>
        ))}
      {[...LOSS_SERIES, ...RATE_SERIES].map((s) => (
        <li key={s.label}>
          <svg width={22} height={8} aria-hidden="true">
            <line x1={1} x2={21} y1={4} y2={4} stroke={runs.length > 1 ? '#5b616b' : s.colour} strokeWidth={2} strokeDasharray={s.dash.join(' ')} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
