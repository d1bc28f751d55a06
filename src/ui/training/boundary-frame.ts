/**
 * The decision-boundary plot's frame and scales: equal aspect, so the geometry of the data is not distorted,
 * and margins computed from the tick labels (kit/plot-frame.ts).
 */
import { scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { linearTicks } from '../kit/axis-ticks.ts';
import type { Tick } from '../kit/axis-ticks.ts';
import { frameMargins } from '../kit/plot-frame.ts';
import type { Margins } from '../kit/plot-frame.ts';

const ROOM = { top: 8, right: 10 };
export const MAX_PLOT_HEIGHT = 400;

export interface BoundaryFrame {
  margin: Margins;
  plotWidth: number;
  plotHeight: number;
  outerWidth: number;
  outerHeight: number;
  xTicks: Tick[];
  yTicks: Tick[];
}

/** Equal aspect; the width shrinks if the plot gets too tall. */
export function plotSize(width: number, margin: Margins, xSpan: number, ySpan: number): { plotWidth: number; plotHeight: number } {
  const plotWidth = Math.max(160, width - margin.left - margin.right);
  const plotHeight = (plotWidth * ySpan) / xSpan;
  return plotHeight > MAX_PLOT_HEIGHT ? { plotWidth: (MAX_PLOT_HEIGHT * xSpan) / ySpan, plotHeight: MAX_PLOT_HEIGHT } : { plotWidth, plotHeight };
}

/** The plot's size and its margins, computed from the tick labels: a size guess, then the ticks of that size. */
export function boundaryFrame(grid: DecisionGrid | null, width: number): BoundaryFrame {
  const x = scaleLinear().domain(grid ? [grid.xFrom, grid.xTo] : [0, 1]);
  const y = scaleLinear().domain(grid ? [grid.yFrom, grid.yTo] : [0, 1]);
  const [xSpan, ySpan] = grid ? [grid.xTo - grid.xFrom, grid.yTo - grid.yFrom] : [1, 1];
  const guess = plotSize(width, frameMargins({ xTicks: [], yTicks: linearTicks(y, 5), room: ROOM }), xSpan, ySpan);
  const xTicks = linearTicks(x, guess.plotWidth / 70);
  const yTicks = linearTicks(y, guess.plotHeight / 60);
  const margin = frameMargins({ xTicks, yTicks, room: ROOM });
  const { plotWidth, plotHeight } = plotSize(width, margin, xSpan, ySpan);
  return { margin, plotWidth, plotHeight, outerWidth: plotWidth + margin.left + margin.right, outerHeight: plotHeight + margin.top + margin.bottom, xTicks, yTicks };
}

/** Data to canvas pixels (margins included); y grows upwards. */
export interface BoundaryScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

export function boundaryScales(grid: DecisionGrid, { margin, plotWidth, plotHeight }: BoundaryFrame): BoundaryScales {
  return {
    x: scaleLinear().domain([grid.xFrom, grid.xTo]).range([margin.left, margin.left + plotWidth]),
    y: scaleLinear().domain([grid.yFrom, grid.yTo]).range([margin.top + plotHeight, margin.top]),
  };
}

/** Whether canvas pixel (px, py) lies in the plot area. */
export function insidePlot({ margin, plotWidth, plotHeight }: BoundaryFrame, px: number, py: number): boolean {
  return px >= margin.left && px <= margin.left + plotWidth && py >= margin.top && py <= margin.top + plotHeight;
}
