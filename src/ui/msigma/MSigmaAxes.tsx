/**
 * The (m, σ) plot's frame: its axes' ticks and titles in either coordinate system, and margins computed
 * from them (kit/plot-frame.ts) with room on the right for the colour bar.
 */
import { Axes } from '../kit/Axes.tsx';
import { linearTicks, logTicks } from '../kit/axis-ticks.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import type { FrameLayout } from '../kit/plot-frame.ts';
import { makeView } from './view.ts';
import type { Coords, Domain, PlotView } from './view.ts';

export const AXIS_TITLES: Record<Coords, { x: string; y: string }> = {
  msigma: { x: 'm (mean)', y: 'σ (log scale)' },
  mean: { x: 'μ₁ = m', y: 'μ₂ = m² + σ²' },
};

/** Room above the plot area for the colour bar's title, and the gap between plot and bar. */
export const TOP_ROOM = 22;
export const BAR_GAP = 18;

export interface MSigmaLayout {
  frame: FrameLayout;
  view: PlotView;
}

/** The frame and view of a plot `outerWidth` wide with a plot area `height` high; `barWidth` is the colour bar's. */
export function layoutMSigma(coords: Coords, domain: Domain, outerWidth: number, height: number, barWidth: number): MSigmaLayout {
  // The ticks depend on the domain only (and the x count on the width): a unit-wide view gives them.
  const probe = makeView(coords, 1, height, domain);
  const frame = layoutFrame({
    outerWidth,
    innerHeight: height,
    xTitle: true,
    yTitle: true,
    room: { top: TOP_ROOM, right: BAR_GAP + barWidth },
    minWidth: 200,
    xTicks: (w) => linearTicks(probe.x, w / 80),
    yTicks: () => (coords === 'msigma' ? logTicks(probe.y, 6) : linearTicks(probe.y, 6)),
  });
  return { frame, view: makeView(coords, frame.width, height, domain) };
}

export function MSigmaAxes({ layout }: { layout: MSigmaLayout }) {
  const { view, frame } = layout;
  const titles = AXIS_TITLES[view.coords];
  return <Axes x={view.x} y={view.y} width={view.width} height={view.height} xTicks={frame.xTicks} yTicks={frame.yTicks} xTitle={titles.x} yTitle={titles.y} grid="none" frame="lines" />;
}
