/**
 * Press, drag and release on a plot, shared by the 1-D plot, the (m, σ) map and the 2-D maps. Positions
 * are in pixels from the top-left of a reference box (the plot area), so callers invert their own scales.
 * The pointer is captured on press, so a drag that leaves the plot keeps going until the button is up.
 */
import { useRef } from 'react';
import type { PointerEvent, RefObject } from 'react';

export interface PlotPoint {
  px: number;
  py: number;
  /** The reference box's size, for callers that scale by it. */
  width: number;
  height: number;
}

export interface PointerDragOptions<D> {
  /** The plot area the pixels are measured from; the event's own element when absent. */
  box?: RefObject<Element | null>;
  /** Pixels from the box's top-left to the plot's origin (e.g. the margins when the box is the whole SVG). */
  inset?: { left: number; top: number };
  /** A left-button press: return the drag's state to start dragging, or null to ignore the press. */
  onPress: (p: PlotPoint) => D | null;
  /** While the button is held, after a press that started a drag. */
  onDrag?: (p: PlotPoint, drag: D) => void;
  /** Every move, dragging or not (hover readouts). */
  onMove?: (p: PlotPoint) => void;
}

export interface PointerDragHandlers<E extends Element> {
  onPointerDown: (e: PointerEvent<E>) => void;
  onPointerMove: (e: PointerEvent<E>) => void;
  onPointerUp: (e: PointerEvent<E>) => void;
  onPointerCancel: (e: PointerEvent<E>) => void;
}

export function usePointerDrag<E extends Element, D = true>({ box, inset, onPress, onDrag, onMove }: PointerDragOptions<D>): PointerDragHandlers<E> {
  const drag = useRef<D | null>(null);
  const pointOf = (e: PointerEvent<E>): PlotPoint | null => {
    const r = (box?.current ?? e.currentTarget).getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    return { px: e.clientX - r.left - (inset?.left ?? 0), py: e.clientY - r.top - (inset?.top ?? 0), width: r.width, height: r.height };
  };
  const end = (e: PointerEvent<E>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  return {
    onPointerDown: (e) => {
      if (e.button !== 0) return;
      const p = pointOf(e);
      if (!p) return;
      const started = onPress(p);
      if (started === null) return;
      drag.current = started;
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    onPointerMove: (e) => {
      if (!onMove && drag.current === null) return;
      const p = pointOf(e);
      if (!p) return;
      onMove?.(p);
      if (drag.current !== null) onDrag?.(p, drag.current);
    },
    onPointerUp: end,
    onPointerCancel: end,
  };
}
