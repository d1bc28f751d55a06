/**
 * The colour ramp of a heatmap with its value axis, drawn inside an SVG at the current origin: vertical
 * beside a map (the (m, σ) panel) or horizontal under a row of maps (the 2-D and slice panels).
 */
import { useId } from 'react';
import { scaleLinear, scaleSqrt } from 'd3';
import type { ColourMap } from './colour.ts';
import { formatNumber } from './format.ts';
import { textWidth, widestText } from './text-width.ts';

interface Props {
  cmap: ColourMap;
  /** Short name of what the colour shows, above the bar. */
  title: string;
  /** The bar's length in pixels (its height when vertical, its width when horizontal). */
  length: number;
  orientation?: 'vertical' | 'horizontal';
  testId?: string;
}

const THICKNESS = 12;
const STOPS = Array.from({ length: 17 }, (_, k) => k / 16);

const TICK_FONT = 10;
const TITLE_FONT = 11;

function barAxis(cmap: ColourMap, length: number, vertical: boolean) {
  const axis = (cmap.transform === 'sqrt' ? scaleSqrt() : scaleLinear()).domain([cmap.lo, cmap.hi]).range(vertical ? [length, 0] : [0, length]);
  const ticks = cmap.constant ? [cmap.lo] : axis.ticks(vertical ? 5 : Math.max(2, Math.round(length / 80)));
  return { axis, ticks };
}

/** The width a vertical bar takes beside a plot, from its origin: the ramp, its tick labels, or its title if wider. */
export function verticalBarWidth(cmap: ColourMap, title: string, length: number): number {
  const labels = barAxis(cmap, length, true).ticks.map(formatNumber);
  return Math.ceil(Math.max(THICKNESS + 6 + widestText(labels, TICK_FONT), textWidth(title, TITLE_FONT)) + 2);
}

export function ColourBar({ cmap, title, length, orientation = 'vertical', testId }: Props) {
  const gradientId = useId();
  const vertical = orientation === 'vertical';
  const { axis, ticks } = barAxis(cmap, length, vertical);
  return (
    <g data-testid={testId} aria-label={`Colour scale of ${title}`}>
      <defs>
        <linearGradient id={gradientId} x1="0" y1={vertical ? '1' : '0'} x2={vertical ? '0' : '1'} y2="0">
          {STOPS.map((t) => (
            <stop key={t} offset={t} stopColor={cmap.interpolator(t)} />
          ))}
        </linearGradient>
      </defs>
      <text x={0} y={-6} fontSize={TITLE_FONT} fill="#333">
        {title}
      </text>
      <rect width={vertical ? THICKNESS : length} height={vertical ? length : THICKNESS} fill={`url(#${gradientId})`} stroke="#666" strokeWidth={0.5} />
      {ticks.map((v) =>
        vertical ? (
          <g key={v} transform={`translate(${THICKNESS},${axis(v)})`}>
            <line x2={4} stroke="#666" />
            <text x={6} dy="0.32em" fontSize={TICK_FONT} fill="#333">
              {formatNumber(v)}
            </text>
          </g>
        ) : (
          <g key={v} transform={`translate(${axis(v)},${THICKNESS})`}>
            <line y2={4} stroke="#666" />
            <text y={14} textAnchor="middle" fontSize={TICK_FONT} fill="#333">
              {formatNumber(v)}
            </text>
          </g>
        ),
      )}
      {cmap.clippedAbove && (
        <text x={vertical ? 0 : length + 8} y={vertical ? length + 16 : THICKNESS - 2} fontSize={10} fill="#666">
          {`clipped ≥ ${formatNumber(cmap.hi)}`}
        </text>
      )}
    </g>
  );
}

/** Room a horizontal bar needs around its origin: the title above, ticks below, the clipping note to the right. */
export const HORIZONTAL_BAR_SPACE = { above: 18, below: THICKNESS + 18, right: 90 };
