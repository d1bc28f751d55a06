/**
 * The start point of the optimizer paths on a map. Only one map's handle is in the tab order and named as a
 * slider (the others mirror it, hidden from assistive technology).
 */
import type { KeyboardEvent } from 'react';
import { formatNumber } from '../kit/format.ts';
import type { Map2D } from '../../state/experiment.ts';
import type { MapGeometry } from './render-2d.ts';

interface Props {
  name: Map2D;
  geometry: MapGeometry;
  start: { x: number; y: number };
  focusable: boolean;
  onKeyDown: (e: KeyboardEvent<SVGCircleElement>) => void;
}

export function StartHandle({ name, geometry, start, focusable, onKeyDown }: Props) {
  const { range } = geometry;
  return (
    <circle
      className="map2d-start"
      data-testid={`map2d-start-${name}`}
      cx={geometry.x(start.x)}
      cy={geometry.y(start.y)}
      r={6}
      tabIndex={focusable ? 0 : -1}
      aria-hidden={focusable ? undefined : true}
      role={focusable ? 'slider' : undefined}
      aria-label={focusable ? 'Start point of the optimizer paths (arrow keys move it; Shift for larger steps)' : undefined}
      aria-valuenow={focusable ? start.x : undefined}
      aria-valuemin={focusable ? range.xFrom : undefined}
      aria-valuemax={focusable ? range.xTo : undefined}
      aria-valuetext={focusable ? `x = ${formatNumber(start.x)}, y = ${formatNumber(start.y)}` : undefined}
      onKeyDown={focusable ? onKeyDown : undefined}
    />
  );
}
