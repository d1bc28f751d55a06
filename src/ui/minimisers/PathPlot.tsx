/**
 * The minimiser-path plot: each objective's minimiser against σ or ρ (log axis), the flat objectives
 * faint with a note saying why, the current σ or ρ as a vertical line, and a transparent overlay that
 * takes the press.
 */
import type { RefObject } from 'react';
import type { ScaleLinear, ScaleLogarithmic } from 'd3';
import type { SweepAxis } from '../../math/minimiser-path.ts';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { Axes } from '../kit/Axes.tsx';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import type { FrameLayout } from '../kit/plot-frame.ts';
import type { PointerDragHandlers } from '../kit/use-pointer-drag.ts';
import { HELD_OPACITY } from './PathLegend.tsx';
import type { PathLine } from './path-lines.ts';
import type { PathState } from './use-minimiser-path.ts';

function PathLines({ lines, dimmed }: { lines: readonly PathLine[]; dimmed: boolean }) {
  return (
    <g fill="none" opacity={dimmed ? 0.5 : 1}>
      {lines.map(({ name, d, values, held }) => (
        <path
          key={name}
          d={d}
          data-testid={`minimisers-line-${name}`}
          data-held={held}
          data-values={Array.from(values, (v) => (Number.isFinite(v) ? v.toFixed(4) : 'NaN')).join(',')}
          stroke={OBJECTIVE_STYLE[name].color}
          strokeOpacity={held ? HELD_OPACITY : 1}
          strokeWidth={name === 'sam' ? 1.5 : 2}
          strokeDasharray={OBJECTIVE_STYLE[name].dash}
        />
      ))}
    </g>
  );
}

interface Props {
  containerRef: RefObject<HTMLDivElement | null>;
  outerWidth: number;
  frame: FrameLayout;
  x: ScaleLogarithmic<number, number>;
  y: ScaleLinear<number, number>;
  lines: readonly PathLine[];
  pointer: PointerDragHandlers<SVGRectElement>;
  path: PostedPath | null;
  axis: SweepAxis;
  symbol: string;
  current: number;
  inRange: boolean;
  status: PathState['status'];
  heldNote: string;
  placeholder: string;
  ariaLabel: string;
}

export function PathPlot({ containerRef, outerWidth, frame, x, y, lines, pointer, path, axis, symbol, current, inRange, status, heldNote, placeholder, ariaLabel }: Props) {
  const { margin, width, height } = frame;
  return (
    <div ref={containerRef} style={{ width: '100%', minWidth: 0 }}>
      <svg
        data-testid="minimisers-plot"
        width={outerWidth}
        height={height + margin.top + margin.bottom}
        role="img"
        aria-label={ariaLabel}
        data-axis={path?.axis ?? ''}
        data-values={path ? Array.from(path.values, (s) => s.toPrecision(4)).join(',') : ''}
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
          <Axes x={x} y={y} width={width} height={height} xTicks={frame.xTicks} yTicks={frame.yTicks} xTitle={`${symbol} (log scale)`} yTitle="argmin over m" frame="lines" />
          <PathLines lines={lines} dimmed={status === 'computing'} />
          {path && (
            <text data-testid="minimisers-held-note" x={width - 4} y={12} textAnchor="end" fontSize={11} fill="#555">
              {heldNote}
            </text>
          )}
          {inRange && (
            <line data-testid="minimisers-current" data-axis={axis} data-value={current} x1={x(current)} x2={x(current)} y1={0} y2={height} stroke="#444" strokeWidth={1.5} />
          )}
          <rect data-testid="minimisers-overlay" width={width} height={height} fill="transparent" style={{ cursor: 'pointer' }} {...pointer} />
          {!path && (
            <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={13} fill={status === 'error' ? '#b00020' : '#555'}>
              {placeholder}
            </text>
          )}
        </g>
      </svg>
    </div>
  );
}
