import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { Landscape1D } from '../../math/landscape1d.types.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import type { DisplayIndices } from '../../worker/landscape1d-display.ts';
import { linearTicks } from '../kit/axis-ticks.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import type { FrameLayout } from '../kit/plot-frame.ts';
import { displayLandscape } from './display-landscape.ts';
import type { PlotFrame } from './plot-geometry.ts';
import { yRangeFor } from './plot-range.ts';

/** Room above the plot area for the m label over the handle's line. */
const ROOM = { top: 22, right: 18 };

interface Options {
  landscape: Landscape1D;
  display?: DisplayIndices;
  from: number;
  to: number;
  visible: Landscape1DState['visible'];
  width: number;
  height: number;
}

/** The 1-D plot's layout (margins and ticks) and its scales over the inner area, from the curves shown. */
export function useLandscapeFrame({ landscape, display, from, to, visible, width, height }: Options): { layout: FrameLayout; frame: PlotFrame } {
  const yDomain = useMemo(() => yRangeFor(displayLandscape(landscape, display), visible), [landscape, display, visible]);
  // The margins follow the tick labels (a y range in the millions widens the left one).
  const layout = useMemo(
    () =>
      layoutFrame({
        outerWidth: width,
        outerHeight: height,
        xTitle: true,
        yTitle: true,
        room: ROOM,
        xTicks: (w) => linearTicks(scaleLinear().domain([from, to]), w / 90),
        yTicks: (h) => linearTicks(scaleLinear().domain(yDomain), h / 60),
      }),
    [width, height, from, to, yDomain],
  );
  const { width: innerW, height: innerH } = layout;
  const frame = useMemo<PlotFrame>(
    () => ({
      x: scaleLinear().domain([from, to]).range([0, innerW]),
      y: scaleLinear().domain(yDomain).range([innerH, 0]),
      width: innerW,
      height: innerH,
    }),
    [from, to, innerW, innerH, yDomain],
  );
  return { layout, frame };
}
