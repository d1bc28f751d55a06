/** A 1-D slice: the training loss, the posterior's expected loss and SAM's max-loss along one direction. */
import { extent, line, scaleLinear } from 'd3';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { Axes } from '../kit/Axes.tsx';
import { linearTicks } from '../kit/axis-ticks.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import { SLICE_MAPS, sliceValues } from './slice-render.ts';

const HEIGHT = 260;

export function SliceLineChart({ result, width }: { result: SliceResult; width: number }) {
  const coords = Array.from(result.coords);
  const curves = SLICE_MAPS.map((m) => ({ ...m, values: sliceValues(result, m.name) })).filter(
    (c): c is typeof c & { values: Float32Array } => c.values !== null,
  );
  const all = curves.flatMap((c) => Array.from(c.values).filter(Number.isFinite));
  const [lo, hi] = extent(all) as [number, number];
  const x = scaleLinear().domain([coords[0], coords[coords.length - 1]]);
  const y = scaleLinear().domain([lo ?? 0, hi === lo ? (hi ?? 0) + 1 : (hi ?? 1)]).nice();
  const frame = layoutFrame({
    outerWidth: Math.max(200, width),
    outerHeight: HEIGHT,
    xTitle: true,
    room: { top: 12, right: 16 },
    xTicks: () => linearTicks(x, 7),
    yTicks: () => linearTicks(y, 5),
  });
  const { margin, width: w, height: h } = frame;
  x.range([0, w]);
  y.range([h, 0]);
  const path = (values: Float32Array) =>
    line<number>()
      .defined((_, i) => Number.isFinite(values[i]))
      .x((_, i) => x(coords[i]))
      .y((v) => y(v))(Array.from(values)) ?? '';
  return (
    <svg width={w + margin.left + margin.right} height={h + margin.top + margin.bottom} role="img" aria-label={`1-D slice along ${result.xLabel}`} data-testid="slice-chart">
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axes x={x} y={y} width={w} height={h} xTicks={frame.xTicks} yTicks={frame.yTicks} xTitle={result.xLabel} frame="lines" />
        {curves.map((c) => {
          const style = OBJECTIVE_STYLE[c.name];
          return (
            <path
              key={c.name}
              d={path(c.values)}
              data-slice={c.name}
              fill="none"
              stroke={style.color}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
            >
              <title>{c.label}</title>
            </path>
          );
        })}
        <line x1={x(0)} x2={x(0)} y2={h} className="slice-centre" />
      </g>
    </svg>
  );
}
