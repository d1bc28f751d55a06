/**
 * What the (m, σ) plot draws, derived from the state and the newest grid: the shown surface's values and
 * colour map, the frame and view (margins follow the axes' labels and the colour bar's, kit/plot-frame.ts),
 * the contours and the notes on cells without a finite value.
 */
import { useMemo } from 'react';
import type { MSigmaGrid } from '../../math/landscape1d.types.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import { verticalBarWidth } from '../kit/ColourBar.tsx';
import { contourThresholds, makeColourMap } from '../kit/colour.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { layoutMSigma } from './MSigmaAxes.tsx';
import { nonFiniteNotes } from './non-finite-notes.ts';
import { contourPaths, gridAxes } from './render.ts';
import { SURFACE_SYMBOLS } from './surface-labels.ts';

export const PLOT_HEIGHT = 300;

export function useMSigmaView(state: ExperimentState, grid: MSigmaGrid | null) {
  const { surface, coords, sigmaFrom, sigmaTo } = state.msigma;
  const { from, to } = state.landscape1d;
  const [containerRef, outerWidth] = useElementWidth<HTMLDivElement>(720);
  const axes = useMemo(() => (grid ? gridAxes(grid) : null), [grid]);
  const values = grid ? grid[surface] : null;
  const cmap = useMemo(() => (values ? makeColourMap(values, surface) : null), [values, surface]);
  const symbol = SURFACE_SYMBOLS[surface];
  const barWidth = cmap ? verticalBarWidth(cmap, symbol, PLOT_HEIGHT) : 0;
  const layout = useMemo(
    () =>
      layoutMSigma(
        coords,
        { mFrom: from, mTo: from < to ? to : from + 1, sigmaFrom, sigmaTo: sigmaFrom < sigmaTo ? sigmaTo : sigmaFrom * 10 },
        outerWidth,
        PLOT_HEIGHT,
        barWidth,
      ),
    [coords, outerWidth, barWidth, from, to, sigmaFrom, sigmaTo],
  );
  const { view } = layout;
  const contours = useMemo(
    () => (axes && values && cmap ? contourPaths(axes, values, contourThresholds(cmap), view) : []),
    [axes, values, cmap, view],
  );
  const notes = useMemo(() => (values ? nonFiniteNotes(values, symbol) : []), [values, symbol]);
  return { containerRef, outerWidth, axes, values, cmap, symbol, layout, contours, notes };
}
