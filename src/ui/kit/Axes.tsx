/**
 * The axes of every SVG plot and of the SVG layer over every canvas plot: tick marks, labels, grid lines,
 * frame and titles, drawn at the plot area's origin from d3 scales and the ticks of `axis-ticks.ts`. Labels
 * and titles sit where `axisPlacement` says, the same numbers the plot frame's margins are computed from.
 * Class names (grid, frame, tick-mark, tick, axis-title) let a panel's CSS (classroom mode) restyle them;
 * the presentation attributes make the SVG stand alone (exports, golden files).
 */
import type { Tick } from './axis-ticks.ts';
import { AXIS_FONT, axisPlacement, yLabelWidth } from './plot-frame.ts';
import type { AxisFont } from './plot-frame.ts';

export interface AxesProps {
  x: (v: number) => number;
  y: (v: number) => number;
  /** The plot area's size. */
  width: number;
  height: number;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  xTitle?: string;
  yTitle?: string;
  /** The x title centred under the axis, or at its right end. */
  xTitleAt?: 'middle' | 'end';
  /** Grid lines across the plot area: at the y ticks, at both, or none. */
  grid?: 'y' | 'xy' | 'none';
  /** A box around the plot area, or axis lines on its left and bottom edges. */
  frame?: 'box' | 'lines';
  /** A fill for the box (a white ground under bars). */
  fill?: string;
  font?: AxisFont;
}

const COLOUR = { grid: '#eef0f3', frame: '#c4c9d0', mark: '#9aa0a8', text: '#5b616b' };

export function Axes({ x, y, width, height, xTicks, yTicks, xTitle, yTitle, xTitleAt = 'middle', grid = 'y', frame = 'box', fill = 'none', font = AXIS_FONT }: AxesProps) {
  const at = axisPlacement(font, yLabelWidth(yTicks, font));
  const markOf = (t: Tick) => (t.label === null ? at.mark - 2 : at.mark);
  return (
    <g className="axes" aria-hidden="true">
      {fill !== 'none' && <rect width={width} height={height} fill={fill} />}
      {yTicks.map((t) => (
        <g key={`y${t.value}`} transform={`translate(0,${y(t.value)})`}>
          {grid !== 'none' && t.label !== null && <line x2={width} className="grid" stroke={COLOUR.grid} />}
          <line x2={-markOf(t)} className="tick-mark" stroke={COLOUR.mark} />
          {t.label !== null && (
            <text x={at.yLabelX} dy="0.32em" textAnchor="end" className="tick" fontSize={font.tick} fill={COLOUR.text}>
              {t.label}
            </text>
          )}
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={`x${t.value}`} transform={`translate(${x(t.value)},0)`}>
          {grid === 'xy' && t.label !== null && <line y2={height} className="grid" stroke={COLOUR.grid} />}
          <line y1={height} y2={height + markOf(t)} className="tick-mark" stroke={COLOUR.mark} />
          {t.label !== null && (
            <text y={height + at.xLabelDy} textAnchor="middle" className="tick" fontSize={font.tick} fill={COLOUR.text}>
              {t.label}
            </text>
          )}
        </g>
      ))}
      {frame === 'box' && <rect width={width} height={height} className="frame" fill="none" stroke={COLOUR.frame} />}
      {frame === 'lines' && <path d={`M0,0V${height}H${width}`} className="frame" fill="none" stroke={COLOUR.mark} />}
      {xTitle && (
        <text x={xTitleAt === 'end' ? width : width / 2} y={height + at.xTitleDy} textAnchor={xTitleAt} className="axis-title" fontSize={font.title} fill={COLOUR.text}>
          {xTitle}
        </text>
      )}
      {yTitle && (
        <text transform={`translate(${at.yTitleX},${height / 2}) rotate(-90)`} textAnchor="middle" className="axis-title" fontSize={font.title} fill={COLOUR.text}>
          {yTitle}
        </text>
      )}
    </g>
  );
}
