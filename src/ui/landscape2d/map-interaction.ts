/**
 * What the pointer, the wheel and the arrow keys do to a map, as pure steps: grab the start point or pan,
 * zoom about the pointer, move the start point by a fraction of the view.
 */
import { panBy } from './render-2d.ts';
import type { ViewRange } from './render-2d.ts';

/** A press within this many pixels of the start point grabs it; anywhere else pans the view. */
export const START_GRAB_RADIUS = 12;

export type MapDrag = { kind: 'start' } | { kind: 'pan'; px: number; py: number; range: ViewRange };

/** The drag a press at (px, py) starts, given where the start point is drawn. */
export function pressDrag(px: number, py: number, startPx: number, startPy: number, range: ViewRange): MapDrag {
  return Math.hypot(px - startPx, py - startPy) <= START_GRAB_RADIUS ? { kind: 'start' } : { kind: 'pan', px, py, range };
}

/** The view while panning: the grabbed point follows the pointer (y grows upwards on screen). */
export function pannedView(drag: { px: number; py: number; range: ViewRange }, px: number, py: number, width: number, height: number): ViewRange {
  const sx = ((px - drag.px) / width) * (drag.range.xTo - drag.range.xFrom);
  const sy = ((py - drag.py) / height) * (drag.range.yTo - drag.range.yFrom);
  return panBy(drag.range, -sx, sy);
}

/** The zoom factor of one wheel event: at most e (or 1/e) per event, however fast the wheel turns. */
export function wheelFactor(deltaY: number): number {
  return Math.exp(Math.max(-1, Math.min(1, deltaY * 0.0015)));
}

/** Where an arrow key moves the start point: 2 % of the view (Shift: 10 %); null for other keys. */
export function movedStart(key: string, shift: boolean, range: ViewRange, start: { x: number; y: number }): { x: number; y: number } | null {
  const fraction = shift ? 0.1 : 0.02;
  const dx = (range.xTo - range.xFrom) * fraction;
  const dy = (range.yTo - range.yFrom) * fraction;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
  const move = moves[key];
  return move ? { x: start.x + move[0], y: start.y + move[1] } : null;
}
