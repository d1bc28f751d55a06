/**
 * The minimiser-path plot's geometry: its frame (margins computed from the ticks, kit/plot-frame.ts), the
 * log scale of the swept parameter and the linear scale of m, the objectives' lines, and the press that
 * sets σ (or ρ) where the plot is clicked.
 */
import { useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';
import { linearTicks, logTicks } from '../kit/axis-ticks.ts';
import { layoutFrame } from '../kit/plot-frame.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import { pathLines } from './path-lines.ts';

const ROOM = { top: 14, right: 16 };
const PLOT_HEIGHT = 240;

/** `range` is the swept parameter's plotted range, `from`–`to` the m-domain. */
export function usePathPlot(path: PostedPath | null, range: { from: number; to: number }, from: number, to: number, setCurrent: (v: number) => void) {
  const [containerRef, outerWidth] = useElementWidth<HTMLDivElement>(640);
  const frame = useMemo(
    () =>
      layoutFrame({
        outerWidth,
        innerHeight: PLOT_HEIGHT,
        xTitle: true,
        yTitle: true,
        room: ROOM,
        minWidth: 200,
        xTicks: () => logTicks(scaleLog().domain([range.from, range.to]), 6, { minor: false }),
        yTicks: () => linearTicks(scaleLinear().domain([from, from < to ? to : from + 1]), 6),
      }),
    [outerWidth, range.from, range.to, from, to],
  );
  const { width, height } = frame;
  const x = useMemo(() => scaleLog().domain([range.from, range.to]).range([0, width]), [range.from, range.to, width]);
  const y = useMemo(() => scaleLinear().domain([from, from < to ? to : from + 1]).range([height, 0]), [from, to, height]);
  const lines = useMemo(() => pathLines(path, x, y), [path, x, y]);

  // A press sets σ (or ρ) there; no drag (Play sweeps it).
  const pointer = usePointerDrag<SVGRectElement>({
    onPress: ({ px }) => {
      const v = x.invert(px);
      if (Number.isFinite(v) && v > 0) setCurrent(Number(v.toPrecision(3)));
      return null;
    },
  });
  return { containerRef, outerWidth, frame, x, y, lines, pointer };
}
