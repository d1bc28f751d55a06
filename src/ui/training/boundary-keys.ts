/**
 * The boundary plot's keyboard editing, as pure steps: focus the plot, move the cross with the arrow keys
 * (Shift: faster), Enter or Space acts at the cross, Delete removes the point under it.
 */
import type { DecisionGrid } from '../../worker/train-protocol.ts';

export interface Cursor {
  x: number;
  y: number;
}

type Extent = Pick<DecisionGrid, 'xFrom' | 'xTo' | 'yFrom' | 'yTo'>;

/** Arrow keys move the keyboard cross by this fraction of the plotted span (Shift: five times as far). */
export const KEY_STEP = 1 / 40;

/** Where the cross starts: the middle of the plotted span. */
export function gridCentre(grid: Extent): Cursor {
  return { x: (grid.xFrom + grid.xTo) / 2, y: (grid.yFrom + grid.yTo) / 2 };
}

export type KeyAction = { kind: 'move'; to: Cursor } | { kind: 'act' } | { kind: 'remove' } | null;

/** What a key does with the cross at `at`: move it (kept inside the grid), act there, remove there, or nothing. */
export function keyAction(key: string, shift: boolean, at: Cursor, grid: Extent): KeyAction {
  const factor = shift ? 5 * KEY_STEP : KEY_STEP;
  const dx = ({ ArrowLeft: -1, ArrowRight: 1 } as Record<string, number>)[key] ?? 0;
  const dy = ({ ArrowDown: -1, ArrowUp: 1 } as Record<string, number>)[key] ?? 0;
  if (dx || dy) {
    return {
      kind: 'move',
      to: {
        x: Math.min(grid.xTo, Math.max(grid.xFrom, at.x + dx * factor * (grid.xTo - grid.xFrom))),
        y: Math.min(grid.yTo, Math.max(grid.yFrom, at.y + dy * factor * (grid.yTo - grid.yFrom))),
      },
    };
  }
  if (key === 'Enter' || key === ' ') return { kind: 'act' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'remove' };
  return null;
}
