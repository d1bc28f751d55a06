/**
 * The metric history over steps, on canvas (it is appended to several times a second and may hold
 * thousands of epochs): training loss and the predictive's NLL on a log scale on top, accuracy and
 * ECE on [0, 1] below. Non-finite values are gaps, never drawn as zero. In compare mode both runs are
 * overlaid on the same axes: colour says which run, the dash which metric.
 */
import { extent, scaleLinear, scaleLog } from 'd3';
import type { ScaleContinuousNumeric } from 'd3';
import { useEffect, useRef } from 'react';
import type { MetricPoint } from '../../worker/train-protocol.ts';
import { prepareCanvas } from '../kit/canvas.ts';

export interface MetricRun {
  label: string;
  metrics: MetricPoint[];
}

interface Props {
  /** One or two runs; the first is the main run (its losses are in the data attributes). */
  runs: MetricRun[];
  width: number;
  /** Whether the evaluation metrics are on a test set or (no test set) on the training data. */
  evaluatedOn: 'test' | 'train';
}

const MARGIN = { top: 10, right: 12, bottom: 32, left: 44 };
const ROW_HEIGHT = 150;
const ROW_GAP = 24;

interface Series {
  label: string;
  colour: string;
  dash: number[];
  value: (m: MetricPoint) => number;
}

const LOSS_SERIES: Series[] = [
  { label: 'train loss', colour: '#1c1e21', dash: [], value: (m) => m.trainLoss },
  { label: 'NLL', colour: '#d95f02', dash: [5, 3], value: (m) => m.nll },
];
const RATE_SERIES: Series[] = [
  { label: 'accuracy', colour: '#1b7837', dash: [], value: (m) => m.testAccuracy },
  { label: 'ECE', colour: '#7570b3', dash: [5, 3], value: (m) => m.ece },
];

/** First and last finite training loss of the history, for the legend and the tests. */
export function lossEnds(metrics: MetricPoint[]): { first: number | null; last: number | null } {
  const finite = metrics.filter((m) => Number.isFinite(m.trainLoss));
  return { first: finite[0]?.trainLoss ?? null, last: finite[finite.length - 1]?.trainLoss ?? null };
}

/** Run colours in compare mode (the metric is then told by the dash). */
export const RUN_COLOURS = ['#2166ac', '#d95f02'] as const;

function seriesOf(runs: MetricRun[]): { run: number; series: Series; loss: boolean }[] {
  if (runs.length <= 1) return [...LOSS_SERIES.map((series) => ({ run: 0, series, loss: true })), ...RATE_SERIES.map((series) => ({ run: 0, series, loss: false }))];
  return runs.flatMap((_, run) => [
    ...LOSS_SERIES.map((s) => ({ run, series: { ...s, colour: RUN_COLOURS[run % RUN_COLOURS.length] }, loss: true })),
    ...RATE_SERIES.map((s) => ({ run, series: { ...s, colour: RUN_COLOURS[run % RUN_COLOURS.length] }, loss: false })),
  ]);
}

export function MetricsChart({ runs, width, evaluatedOn }: Props) {
  const metrics = runs[0]?.metrics ?? [];
  const plotWidth = Math.max(160, width - MARGIN.left - MARGIN.right);
  const height = MARGIN.top + 2 * ROW_HEIGHT + ROW_GAP + MARGIN.bottom;
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (!ctx) return;
    const all = runs.flatMap((r) => r.metrics);
    const steps = all.map((m) => m.step);
    const [s0, s1] = extent(steps);
    const x = scaleLinear()
      .domain([0, Math.max(s1 ?? 1, (s0 ?? 0) + 1)])
      .range([MARGIN.left, MARGIN.left + plotWidth]);

    const losses = all.flatMap((m) => [m.trainLoss, m.nll]).filter((v) => Number.isFinite(v) && v > 0);
    const [lo, hi] = extent(losses);
    const lossTop = MARGIN.top;
    const yLoss = scaleLog()
      .domain(lo !== undefined && hi !== undefined ? [lo / 1.25, hi * 1.25] : [0.01, 1])
      .range([lossTop + ROW_HEIGHT, lossTop])
      .nice()
      .clamp(true);
    const rateTop = MARGIN.top + ROW_HEIGHT + ROW_GAP;
    const yRate = scaleLinear().domain([0, 1]).range([rateTop + ROW_HEIGHT, rateTop]);

    drawFrame(ctx, x, yLoss, lossTop, plotWidth, 'loss (log)', false);
    drawFrame(ctx, x, yRate, rateTop, plotWidth, evaluatedOn === 'test' ? 'test' : 'train (no test set)', true);
    for (const { run, series, loss } of seriesOf(runs)) drawSeries(ctx, runs[run].metrics, series, x, loss ? yLoss : yRate);
    if (all.length === 0) {
      ctx.fillStyle = '#5b616b';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('metrics appear after the first epoch', MARGIN.left + plotWidth / 2, lossTop + ROW_HEIGHT / 2);
    }
  }, [runs, width, height, plotWidth, evaluatedOn]);

  const { first, last } = lossEnds(metrics);
  return (
    <div className="train-metrics">
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
      <canvas
        ref={canvasRef}
        data-testid="train-metrics"
        data-first-loss={first ?? ''}
        data-last-loss={last ?? ''}
        data-points={metrics.length}
        data-runs={runs.length}
        role="img"
        aria-label={
          first !== null && last !== null
            ? `Metrics over ${metrics.length} epochs: ${runs.length > 1 ? `${runs[0].label} ` : ''}training loss from ${first.toPrecision(3)} to ${last.toPrecision(3)}${
                runs.length > 1 ? compareSummary(runs[1]) : ''
              }.`
            : 'Metrics: none yet.'
        }
        style={{ width, height, display: 'block' }}
      />
    </div>
  );
}

function compareSummary(run: MetricRun): string {
  const { first, last } = lossEnds(run.metrics);
  return first !== null && last !== null ? `; ${run.label} from ${first.toPrecision(3)} to ${last.toPrecision(3)}` : '';
}

type Scale = ScaleContinuousNumeric<number, number>;

function drawFrame(ctx: CanvasRenderingContext2D, x: Scale, y: Scale, top: number, w: number, title: string, xLabels: boolean): void {
  const bottom = top + ROW_HEIGHT;
  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  const yTicks = y.ticks(4);
  // '~g', not d3's default SI prefixes (a loss of 0.2 is not "200m").
  const yFormat = y.tickFormat(4, '~g');
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks) {
    const py = Math.round(y(t)) + 0.5;
    ctx.strokeStyle = '#eef0f3';
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, py);
    ctx.lineTo(MARGIN.left + w, py);
    ctx.stroke();
    const label = yFormat(t);
    if (label) {
      ctx.fillStyle = '#5b616b';
      ctx.fillText(label, MARGIN.left - 5, py);
    }
  }
  ctx.strokeStyle = '#c4c9d0';
  ctx.strokeRect(MARGIN.left + 0.5, top + 0.5, w - 1, ROW_HEIGHT - 1);
  ctx.fillStyle = '#5b616b';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(title, MARGIN.left + 6, top + 4);
  if (!xLabels) return;
  // Step labels under the lower row only: both rows share the x axis.
  ctx.textAlign = 'center';
  const n = Math.max(2, Math.round(w / 90));
  const xFormat = x.tickFormat(n);
  for (const t of x.ticks(n)) ctx.fillText(xFormat(t), x(t), bottom + 5);
  ctx.textAlign = 'right';
  ctx.fillText('step', MARGIN.left + w, bottom + 18);
}

function drawSeries(ctx: CanvasRenderingContext2D, metrics: MetricPoint[], s: Series, x: Scale, y: Scale): void {
  ctx.strokeStyle = s.colour;
  ctx.lineWidth = 1.6;
  ctx.setLineDash(s.dash);
  ctx.beginPath();
  let open = false;
  for (const m of metrics) {
    const v = s.value(m);
    if (!Number.isFinite(v) || (y.domain()[0] > 0 && v <= 0)) {
      open = false;
      continue;
    }
    const px = x(m.step);
    const py = y(v);
    if (open) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    open = true;
  }
  // A single epoch is a point, not a line: mark it.
  if (metrics.length === 1) {
    const v = s.value(metrics[0]);
    if (Number.isFinite(v)) ctx.rect(x(metrics[0].step) - 1.5, y(v) - 1.5, 3, 3);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}
