/**
 * How far the tour scrolls to show a step's panel above the tour bar (pure, so it is unit-tested):
 * the panel's top if its figure then fits above the bar, else the figure's bottom just above the bar,
 * else (a figure taller than the room) the figure's top at the top of the window.
 */
export interface Box {
  top: number;
  bottom: number;
}

/** Space kept between the figure and the window's top or the bar. */
export const TOUR_SCROLL_MARGIN = 8;

/** Pixels to scroll down (negative: up); `room` is the window height above the tour bar. Rects are in viewport pixels. */
export function scrollToShow(panel: Box, figure: Box | null, room: number): number {
  const m = TOUR_SCROLL_MARGIN;
  const panelTopAt = panel.top - m;
  if (!figure) return panelTopAt;
  // With the panel's top at the top of the window, is the whole figure above the bar?
  if (figure.bottom - panelTopAt <= room - m) return panelTopAt;
  const height = figure.bottom - figure.top;
  if (height <= room - 2 * m) return figure.bottom - (room - m);
  return figure.top - m;
}
