/**
 * The metric history over steps, on canvas (it is appended to several times a second and may hold
 * thousands of epochs): training loss and the predictive's NLL on a log scale on top, accuracy and
 * ECE on [0, 1] below. Non-finite values are gaps, never drawn as zero. In compare mode both runs are
 * overlaid on the same axes: colour says which run, the dash which metric.
 */
import { extent, scaleLinear, scaleLog } from 'd3';
import type { ScaleContinuousNumeric } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { MetricPoint } from '../../worker/train-protocol.ts';
import { Axes } from '../kit/Axes.tsx';
import { linearTicks, logTicks } from '../kit/axis-ticks.ts';
import { prepareCanvas } from '../kit/canvas.ts';
import { AXIS_FONT, frameMargins } from '../kit/plot-frame.ts';
import { seriesOf } from './metric-series.ts';
import type { MetricRun, Series } from './metric-series.ts';
import { MetricsLegend } from './MetricsLegend.tsx';
import { lossEnds, metricsSummary } from './metrics-summary.ts';

interface Props {
  /** One or two runs; the first is the main run (its losses are in the data attributes). */
  runs: MetricRun[];
  width: number;
  /** Whether the evaluation metrics are on a test set or (no test set) on the training data. */
  evaluatedOn: 'test' | 'train';
}

const ROOM = { top: 10, right: 12 };
const ROW_HEIGHT = 150;
const ROW_GAP = 24;

/**
 * The two rows' scales (in canvas pixels) and ticks, and margins computed from both rows' y labels: the lines
 * are drawn on the canvas, the axes by the kit's Axes in an SVG over it.
 */
function useChartFrame(runs: MetricRun[], width: number) {
  return useMemo(() => {
    const all = runs.flatMap((r) => r.metrics);
    const [s0, s1] = extent(all, (m) => m.step);
    const x = scaleLinear().domain([0, Math.max(s1 ?? 1, (s0 ?? 0) + 1)]);
    const losses = all.flatMap((m) => [m.trainLoss, m.nll]).filter((v) => Number.isFinite(v) && v > 0);
    const [lo, hi] = extent(losses);
    const yLoss = scaleLog()
      .domain(lo !== undefined && hi !== undefined ? [lo / 1.25, hi * 1.25] : [0.01, 1])
      .nice()
      .clamp(true);
    const yRate = scaleLinear().domain([0, 1]);
    const lossTicks = logTicks(yLoss, 4);
    const rateTicks = linearTicks(yRate, 4);
    const provisional = frameMargins({ xTicks: [], yTicks: [...lossTicks, ...rateTicks], xTitle: true, room: ROOM });
    const xTicks = linearTicks(x, Math.max(160, width - provisional.left - provisional.right) / 90);
    const margin = frameMargins({ xTicks, yTicks: [...lossTicks, ...rateTicks], xTitle: true, room: ROOM });
    const plotWidth = Math.max(160, width - margin.left - margin.right);
    const lossTop = margin.top;
    const rateTop = margin.top + ROW_HEIGHT + ROW_GAP;
    x.range([margin.left, margin.left + plotWidth]);
    yLoss.range([lossTop + ROW_HEIGHT, lossTop]);
    yRate.range([rateTop + ROW_HEIGHT, rateTop]);
    return { all, x, yLoss, yRate, xTicks, lossTicks, rateTicks, margin, plotWidth, lossTop, rateTop, height: rateTop + ROW_HEIGHT + margin.bottom };
  }, [runs, width]);
}

export function MetricsChart({ runs, width, evaluatedOn }: Props) {
  const metrics = runs[0]?.metrics ?? [];
  const f = useChartFrame(runs, width);
  const { height } = f;
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, width, height);
    if (!ctx) return;
    for (const { run, series, loss } of seriesOf(runs)) drawSeries(ctx, runs[run].metrics, series, f.x, loss ? f.yLoss : f.yRate);
    if (f.all.length === 0) {
      ctx.fillStyle = '#5b616b';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('metrics appear after the first epoch', f.margin.left + f.plotWidth / 2, f.lossTop + ROW_HEIGHT / 2);
    }
  }, [runs, width, height, f]);

  const left = f.margin.left;
  const row = (top: number, y: Scale, yTicks: typeof f.lossTicks, title: string, xLabels: boolean) => (
    <g transform={`translate(${left},${top})`}>
      <Axes
        x={(v) => f.x(v) - left}
        y={(v) => y(v) - top}
        width={f.plotWidth}
        height={ROW_HEIGHT}
        xTicks={xLabels ? f.xTicks : []}
        yTicks={yTicks}
        xTitle={xLabels ? 'step' : undefined}
        xTitleAt="end"
      />
      <text x={6} y={4 + AXIS_FONT.tick} fontSize={AXIS_FONT.tick} fill="#5b616b">
        {title}
      </text>
    </g>
  );
  const { first, last } = lossEnds(metrics);
  return (
    <div className="train-metrics">
      <MetricsLegend runs={runs} />
      <div style={{ position: 'relative', width, height }}>
        {/* The axes under the canvas, so grid lines do not cross the curves. */}
        <svg width={width} height={height} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}>
          {row(f.lossTop, f.yLoss, f.lossTicks, 'loss (log)', false)}
          {row(f.rateTop, f.yRate, f.rateTicks, evaluatedOn === 'test' ? 'test' : 'train (no test set)', true)}
        </svg>
        <canvas
          ref={canvasRef}
          data-testid="train-metrics"
          data-first-loss={first ?? ''}
          data-last-loss={last ?? ''}
          data-points={metrics.length}
          data-runs={runs.length}
          role="img"
          aria-label={metricsSummary(runs)}
          style={{ width, height, display: 'block', position: 'relative' }}
        />
      </div>
    </div>
  );
}

type Scale = ScaleContinuousNumeric<number, number>;

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
