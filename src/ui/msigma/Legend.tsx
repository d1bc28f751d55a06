import { useId } from 'react';
import { scaleLinear, scaleSqrt } from 'd3';
import type { ColourMap } from '../kit/colour.ts';
import { formatNumber } from '../kit/format.ts';

interface Props {
  cmap: ColourMap;
  /** Short name of the surface, shown above the bar. */
  title: string;
  height: number;
}

/** Vertical colour bar with a value axis, drawn inside the panel's SVG at the current origin. */
export function ColourBar({ cmap, title, height }: Props) {
  const gradientId = useId();
  const axis = (cmap.transform === 'sqrt' ? scaleSqrt() : scaleLinear()).domain([cmap.lo, cmap.hi]).range([height, 0]);
  const ticks = cmap.constant ? [cmap.lo] : axis.ticks(5);
  const stops = Array.from({ length: 17 }, (_, k) => k / 16);
  return (
    <g data-testid="msigma-legend" aria-label={`Colour scale of ${title}`}>
      <defs>
        <linearGradient id={gradientId} x1="0" y1="1" x2="0" y2="0">
          {stops.map((t) => (
            <stop key={t} offset={t} stopColor={cmap.interpolator(t)} />
          ))}
        </linearGradient>
      </defs>
      <text x={0} y={-6} fontSize={11} fill="#333">
        {title}
      </text>
      <rect width={12} height={height} fill={`url(#${gradientId})`} stroke="#666" strokeWidth={0.5} />
      {ticks.map((v) => (
        <g key={v} transform={`translate(12,${axis(v)})`}>
          <line x2={4} stroke="#666" />
          <text x={6} dy="0.32em" fontSize={10} fill="#333">
            {formatNumber(v)}
          </text>
        </g>
      ))}
      {cmap.clippedAbove && (
        <text x={0} y={height + 16} fontSize={10} fill="#666">
          {`clipped ≥ ${formatNumber(cmap.hi)}`}
        </text>
      )}
    </g>
  );
}

const hatch = (angle: number, a: string, b: string) => `repeating-linear-gradient(${angle}deg, ${a} 0 2px, ${b} 2px 7px)`;

export const INFINITE_SWATCH = hatch(-45, 'rgb(150,150,150)', 'rgb(200,200,200)');
export const NAN_SWATCH = hatch(45, 'rgb(185,185,185)', 'rgb(232,232,232)');
export const INFEASIBLE_SWATCH = 'rgb(236,231,222)';

/** HTML key for the colours that are not on the bar. */
export function SwatchKey({ showInfeasible }: { showInfeasible: boolean }) {
  const item = (background: string, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <span aria-hidden="true" style={{ width: 14, height: 14, background, border: '1px solid #999', display: 'inline-block' }} />
      {text}
    </span>
  );
  return (
    <div style={{ display: 'flex', gap: 16, fontSize: 12, color: '#444', flexWrap: 'wrap' }}>
      {item(INFINITE_SWATCH, '+∞ (proven infinite)')}
      {item(NAN_SWATCH, 'not computable')}
      {showInfeasible && item(INFEASIBLE_SWATCH, 'infeasible: μ₂ < μ₁² (σ² would be negative)')}
    </div>
  );
}
