/**
 * Moving the (m, σ) panel's current point: a press or drag on the plot selects the point under the
 * pointer, the arrow keys step it (through onSelect, so the 1-D panel follows), and the hover is tracked
 * for the readout.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import type { PlotPoint } from '../kit/use-pointer-drag.ts';
import { arrowStep } from './arrow-step.ts';
import type { MSigmaPosition } from './arrow-step.ts';
import { selectionAt } from './view.ts';
import type { PlotView, ScreenPoint } from './view.ts';

export function useMSigmaSelection(view: PlotView, position: MSigmaPosition, onSelect: (m: number, sigma: number) => void) {
  const [hover, setHover] = useState<ScreenPoint | null>(null);
  const select = (p: PlotPoint) => {
    const s = selectionAt(view, p.px, p.py);
    onSelect(s.m, s.sigma);
  };
  const pointer = usePointerDrag<SVGRectElement>({
    onPress: (p) => {
      select(p);
      return true;
    },
    onDrag: select,
    onMove: (p) => setHover(view.fromScreen(p.px, p.py)),
  });
  const overlay = { ...pointer, onPointerLeave: () => setHover(null) };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const next = arrowStep(e.key, e.shiftKey, position);
    if (!next) return;
    e.preventDefault();
    onSelect(next.m, next.sigma);
  };
  return { hover, overlay, onKeyDown };
}
