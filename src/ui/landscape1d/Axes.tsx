import type { PlotFrame } from './plot-geometry.ts';
import { formatTick as fmt } from '../kit/tick-format.ts';

/** Grid lines, ticks and axis titles, drawn by React from the d3 scales. */
export function Axes({ frame }: { frame: PlotFrame }) {
  const { x, y, width, height } = frame;
  const xt = x.ticks(Math.max(3, Math.round(width / 90)));
  const yt = y.ticks(Math.max(3, Math.round(height / 60)));
  return (
    <g className="axes" aria-hidden="true">
      {yt.map((v) => (
        <g key={`y${v}`} transform={`translate(0,${y(v)})`}>
          <line x2={width} className="grid" />
          <text x={-8} dy="0.32em" textAnchor="end" className="tick">
            {fmt(v)}
          </text>
        </g>
      ))}
      {xt.map((v) => (
        <g key={`x${v}`} transform={`translate(${x(v)},0)`}>
          <line y2={height} className="grid" />
          <line y1={height} y2={height + 5} className="tick-mark" />
          <text y={height + 18} textAnchor="middle" className="tick">
            {fmt(v)}
          </text>
        </g>
      ))}
      <rect width={width} height={height} className="frame" />
      <text x={width} y={height + 34} textAnchor="end" className="axis-title">
        m (mean of q) · θ
      </text>
      <text transform={`translate(${-40},${height / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
        objective value
      </text>
    </g>
  );
}
