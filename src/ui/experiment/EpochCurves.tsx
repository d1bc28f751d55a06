import { extent, line, scaleLinear } from 'd3';
import { Axes } from '../kit/Axes.tsx';
import { linearTicks } from '../kit/axis-ticks.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import { ExportableFigure } from './ExportableFigure.tsx';
import { OPTIMIZER_COLOURS, OPTIMIZER_NAMES } from './optimizer-style.ts';
import type { EpochRecord, RunResult } from './results/run-result.ts';

/** The four per-epoch curves of the issue: training loss and the test metrics under the mean weights. */
const METRICS: { title: string; value: (r: EpochRecord) => number }[] = [
  { title: 'train loss', value: (r) => r.trainLoss },
  { title: 'test accuracy', value: (r) => r.mean.accuracy },
  { title: 'test NLL', value: (r) => r.mean.nll },
  { title: 'test ECE', value: (r) => r.mean.ece },
];

const W = 240;
const H = 150;
/** Room above the plot area for the title. */
const TITLE_ROOM = 18;

interface Props {
  results: RunResult[];
  epochs: number;
}

/** Small multiples, one line per run (seeds of one optimizer share its colour; bSAM's model average is dashed on the test metrics). */
export function EpochCurves({ results, epochs }: Props) {
  return (
    <ExportableFigure name="experiment-curves" label="the per-epoch curves">
      <div className="experiment-curves" data-testid="ex-curves">
        {METRICS.map((m, i) => (
          <Curve key={m.title} title={m.title} value={m.value} bayes={i > 0 ? METRICS[i].value : null} results={results} epochs={epochs} />
        ))}
        <p className="experiment-legend">
          {[...new Set(results.map((r) => r.optimizer))].map((o) => (
            // The text stays dark for contrast; only the line sample carries the colour.
            <span key={o}>
              <span aria-hidden="true" style={{ color: OPTIMIZER_COLOURS[o] }}>
                ━
              </span>{' '}
              {OPTIMIZER_NAMES[o]}{' '}
            </span>
          ))}
          {results.some((r) => r.optimizer === 'bsam') && <span>┅ bSAM model average</span>}
        </p>
      </div>
    </ExportableFigure>
  );
}

interface CurveProps {
  title: string;
  value: (r: EpochRecord) => number;
  /** The same metric of bSAM's model average (null for the training loss, which has none). */
  bayes: ((r: EpochRecord) => number) | null;
  results: RunResult[];
  epochs: number;
}

function Curve({ title, value, bayes, results, epochs }: CurveProps) {
  const series = results.flatMap((r, i) => {
    const main = { key: `${i}`, colour: OPTIMIZER_COLOURS[r.optimizer], dashed: false, points: r.epochs.map((e) => [e.epoch, value(e)] as const) };
    const avg = bayes && r.optimizer === 'bsam' ? [{ key: `${i}b`, colour: OPTIMIZER_COLOURS.bsam, dashed: true, points: r.epochs.flatMap((e) => (e.bayes ? [[e.epoch, bayes({ ...e, mean: e.bayes })] as const] : [])) }] : [];
    return [main, ...avg];
  });
  // Non-finite values (a diverged run) are left out of the scale and the line, not drawn at the edge.
  const values = series.flatMap((s) => s.points.map((p) => p[1])).filter(Number.isFinite);
  const [lo, hi] = extent(values);
  const y = scaleLinear()
    .domain(lo === undefined || hi === undefined ? [0, 1] : lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi])
    .nice(4);
  const x = scaleLinear().domain([0, Math.max(1, epochs)]);
  const frame = layoutFrame({
    outerWidth: W,
    outerHeight: H,
    room: { top: TITLE_ROOM, right: 8 },
    xTicks: () => linearTicks(x, Math.min(epochs, 5)).filter((t) => Number.isInteger(t.value)),
    yTicks: () => linearTicks(y, 4),
  });
  const { margin } = frame;
  x.range([margin.left, margin.left + frame.width]);
  y.range([margin.top + frame.height, margin.top]);
  const path = line<readonly [number, number]>()
    .defined((p) => Number.isFinite(p[1]))
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  return (
    <svg className="experiment-curve" width={W} height={H} role="img" aria-label={`${title} per epoch`}>
      <text x={margin.left} y={12} className="curve-title">
        {title}
      </text>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axes x={(v) => x(v) - margin.left} y={(v) => y(v) - margin.top} width={frame.width} height={frame.height} xTicks={frame.xTicks} yTicks={frame.yTicks} frame="lines" />
      </g>
      {series.map((s) => (
        <g key={s.key}>
          <path d={path(s.points) ?? ''} fill="none" stroke={s.colour} strokeWidth={1.5} strokeDasharray={s.dashed ? '4 3' : undefined} />
          {/* A dot per epoch: a lone finite epoch (the first, or one between diverged ones) draws no line. */}
          {s.points.filter((p) => Number.isFinite(p[1])).map((p) => (
            <circle key={p[0]} cx={x(p[0])} cy={y(p[1])} r={s.dashed ? 1.5 : 2.5} fill={s.colour} />
          ))}
        </g>
      ))}
    </svg>
  );
}
