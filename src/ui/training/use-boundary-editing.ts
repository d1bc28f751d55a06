/**
 * Editing the data on the boundary plot: a click on (or near) a point removes it, a click elsewhere adds a
 * point of the chosen class; from the keyboard, the cross moves with the arrow keys and Enter, Space or
 * Delete act under it (boundary-keys.ts). Nothing is edited while the run is stale (being rebuilt).
 */
import { useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { PointOrigin } from '../../train/datasets.ts';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { insidePlot } from './boundary-frame.ts';
import type { BoundaryFrame, BoundaryScales } from './boundary-frame.ts';
import { gridCentre, keyAction } from './boundary-keys.ts';
import type { Cursor } from './boundary-keys.ts';
import { hitPoint } from './point-edits.ts';
import type { ScreenPoint } from './point-edits.ts';

export interface PlotEditing {
  onAdd: (x: number, y: number) => void;
  onRemove: (origin: PointOrigin) => void;
}

export interface EditingSpec {
  grid: DecisionGrid | null;
  frame: BoundaryFrame;
  scales: BoundaryScales | null;
  points: readonly ScreenPoint[];
  /** null: read-only. */
  editing: PlotEditing | null;
  stale: boolean;
}

export function useBoundaryEditing({ grid, frame, scales, points, editing, stale }: EditingSpec) {
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [focused, setFocused] = useState(false);
  const canEdit = editing !== null && scales !== null && !stale;

  /** A click or Enter at canvas position (px, py): remove the point there, else add one. */
  const actAt = (px: number, py: number) => {
    if (!canEdit || !editing || !scales || !insidePlot(frame, px, py)) return;
    const hit = hitPoint(points, px, py);
    if (hit !== null) editing.onRemove(hit);
    else editing.onAdd(scales.x.invert(px), scales.y.invert(py));
  };
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    actAt(e.clientX - rect.left, e.clientY - rect.top);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!canEdit || !grid || !scales) return;
    const at = cursor ?? gridCentre(grid);
    const action = keyAction(e.key, e.shiftKey, at, grid);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') setCursor(action.to);
    else if (action.kind === 'act') actAt(scales.x(at.x), scales.y(at.y));
    else {
      const hit = hitPoint(points, scales.x(at.x), scales.y(at.y));
      if (hit !== null) editing?.onRemove(hit);
    }
  };
  const onFocus = () => {
    setFocused(true);
    if (!cursor) setCursor(grid ? gridCentre(grid) : null);
  };
  return {
    /** The keyboard cross while the plot has focus. */
    cross: focused ? cursor : null,
    handlers: { onClick: editing ? onClick : undefined, onKeyDown: editing ? onKeyDown : undefined, onFocus, onBlur: () => setFocused(false) },
  };
}
