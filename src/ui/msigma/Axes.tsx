import type { PlotView } from './view.ts';
import { formatNumber } from '../kit/format.ts';

/** x and y axes of the plot area (drawn at the plot origin). */
export function Axes({ view }: { view: PlotView }) {
  const { width, height } = view;
  const xTicks = view.x.ticks(Math.max(2, Math.round(width / 80)));
  let yTicks: { v: number; label: string | null }[];
  if (view.coords === 'msigma') {
    // Log axis: label the 1-2-5 ticks (all of them if that leaves too few), the rest are minor.
    const all = view.y.ticks(6);
    const leading = (v: number) => Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
    const major = all.filter((v) => [1, 2, 5].includes(leading(v)));
    const labelled = new Set(major.length >= 3 ? major : all);
    yTicks = all.map((v) => ({ v, label: labelled.has(v) ? formatNumber(v) : null }));
  } else yTicks = view.y.ticks(6).map((v) => ({ v, label: formatNumber(v) }));
  const xLabel = view.coords === 'msigma' ? 'm (mean)' : 'μ₁ = m';
  const yLabel = view.coords === 'msigma' ? 'σ (log scale)' : 'μ₂ = m² + σ²';
  return (
    <g fontSize={10} fill="#333" aria-hidden="true">
      <g transform={`translate(0,${height})`}>
        <line x2={width} stroke="#666" />
        {xTicks.map((v) => (
          <g key={v} transform={`translate(${view.x(v)},0)`}>
            <line y2={5} stroke="#666" />
            <text y={16} textAnchor="middle">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        <text x={width / 2} y={32} textAnchor="middle" fontSize={12}>
          {xLabel}
        </text>
      </g>
      <g>
        <line y2={height} stroke="#666" />
        {yTicks.map(({ v, label }) => (
          <g key={v} transform={`translate(0,${view.y(v)})`}>
            <line x2={label ? -5 : -3} stroke="#666" />
            {label && (
              <text x={-7} dy="0.32em" textAnchor="end">
                {label}
              </text>
            )}
          </g>
        ))}
        <text transform={`translate(-40,${height / 2}) rotate(-90)`} textAnchor="middle" fontSize={12}>
          {yLabel}
        </text>
      </g>
    </g>
  );
}
