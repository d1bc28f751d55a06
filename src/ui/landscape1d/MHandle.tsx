import type { KeyboardEvent } from 'react';
import { formatValue } from '../kit/format.ts';
import { GEOMETRY_COLOR } from '../kit/objective-style.ts';
import type { PlotFrame } from './plot-geometry.ts';

interface Props {
  m: number;
  from: number;
  to: number;
  frame: PlotFrame;
  onM: (m: number) => void;
}

/**
 * The current mean: a line across the plot and a focusable handle on the x-axis. Dragging is handled
 * by the plot (anywhere on it); the handle adds the keyboard: arrows move by 1/200 of the domain
 * (Shift or PageUp/PageDown by 1/20), Home/End jump to the ends.
 */
export function MHandle({ m, from, to, frame, onM }: Props) {
  const px = frame.x(m);
  const step = (to - from) / 200;
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const big = e.shiftKey ? 10 : 1;
    const moves: Record<string, number> = {
      ArrowLeft: -step * big,
      ArrowDown: -step * big,
      ArrowRight: step * big,
      ArrowUp: step * big,
      PageDown: -step * 10,
      PageUp: step * 10,
    };
    let next: number | null = null;
    if (e.key in moves) next = m + moves[e.key];
    else if (e.key === 'Home') next = from;
    else if (e.key === 'End') next = to;
    if (next === null) return;
    e.preventDefault();
    onM(Math.min(to, Math.max(from, next)));
  };
  return (
    <g data-testid="marker-m" data-m={m} className="m-marker">
      <line x1={px} x2={px} y1={0} y2={frame.height} stroke={GEOMETRY_COLOR.m} strokeWidth={1.25} strokeDasharray="4 3" pointerEvents="none" />
      <text x={px} y={-6} textAnchor="middle" className="plot-label m-label" pointerEvents="none">
        {`m = ${formatValue(m)}`}
      </text>
      <g
        className="m-handle"
        data-testid="m-handle"
        role="slider"
        tabIndex={0}
        aria-label="Mean m of q (drag on the plot or use the arrow keys)"
        aria-valuemin={from}
        aria-valuemax={to}
        aria-valuenow={m}
        aria-valuetext={`m = ${formatValue(m)}`}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
      >
        <circle className="m-handle-ring" cx={px} cy={frame.height} r={11} />
        <circle cx={px} cy={frame.height} r={7} fill="#fff" stroke={GEOMETRY_COLOR.m} strokeWidth={2} />
        <path d={`M${px - 2.5},${frame.height - 3} v6 M${px + 2.5},${frame.height - 3} v6`} stroke={GEOMETRY_COLOR.m} strokeWidth={1.2} />
      </g>
    </g>
  );
}
