/** A 1-D slice: the training loss, the posterior's expected loss and SAM's max-loss along one direction. */
import { extent, line, scaleLinear } from 'd3';
import type { SliceResult } from '../../train/slice/compute-slice.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { SLICE_MAPS, sliceValues } from './slice-render.ts';

const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };

export function SliceLineChart({ result, width }: { result: SliceResult; width: number }) {
  const w = Math.max(200, width) - MARGIN.left - MARGIN.right;
  const h = HEIGHT - MARGIN.top - MARGIN.bottom;
  const coords = Array.from(result.coords);
  const curves = SLICE_MAPS.map((m) => ({ ...m, values: sliceValues(result, m.name) })).filter(
    (c): c is typeof c & { values: Float32Array } => c.values !== null,
  );
  const all = curves.flatMap((c) => Array.from(c.values).filter(Number.isFinite));
  const [lo, hi] = extent(all) as [number, number];
  const x = scaleLinear().domain([coords[0], coords[coords.length - 1]]).range([0, w]);
  const y = scaleLinear().domain([lo ?? 0, hi === lo ? (hi ?? 0) + 1 : (hi ?? 1)]).nice().range([h, 0]);
  const path = (values: Float32Array) =>
    line<number>()
      .defined((_, i) => Number.isFinite(values[i]))
      .x((_, i) => x(coords[i]))
      .y((v) => y(v))(Array.from(values)) ?? '';
  return (
    <svg width={w + MARGIN.left + MARGIN.right} height={HEIGHT} role="img" aria-label={`1-D slice along ${result.xLabel}`} data-testid="slice-chart">
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {y.ticks(5).map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x2={w} className="slice-grid" />
            <text x={-6} dy="0.32em" textAnchor="end" className="slice-tick">
              {t.toPrecision(3)}
            </text>
          </g>
        ))}
        {x.ticks(7).map((t) => (
          <text key={t} x={x(t)} y={h + 16} textAnchor="middle" className="slice-tick">
            {t}
          </text>
        ))}
        <text x={w / 2} y={h + 34} textAnchor="middle" className="slice-axis-label">
          {result.xLabel}
        </text>
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
