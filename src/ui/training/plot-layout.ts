/**
 * The training plots' widths. One run: boundary and metrics side by side when there is room. Two runs: the
 * boundaries side by side, the (overlaid) metrics below them.
 */
export const BOUNDARY_MAX_WIDTH = 540;
export const PLOT_GAP = 16;

export interface PlotLayout {
  sideBySide: boolean;
  boundaryWidth: number;
  metricsWidth: number;
}

export function trainingPlotLayout(plotsWidth: number, comparing: boolean): PlotLayout {
  const sideBySide = comparing ? plotsWidth >= 640 : plotsWidth >= 760;
  const fullWidth = Math.min(plotsWidth, BOUNDARY_MAX_WIDTH);
  const boundaryWidth = !sideBySide
    ? fullWidth
    : comparing
      ? Math.min(BOUNDARY_MAX_WIDTH, Math.floor((plotsWidth - PLOT_GAP) / 2))
      : Math.min(BOUNDARY_MAX_WIDTH, Math.round(plotsWidth * 0.5));
  const metricsWidth = !comparing && sideBySide ? plotsWidth - boundaryWidth - PLOT_GAP : plotsWidth;
  return { sideBySide, boundaryWidth, metricsWidth };
}
