/**
 * The plot frame: the margins around a plot area, computed from what the axes put there (the tick labels'
 * widths, the axis titles), not constants — a y label of "10000000" widens the left margin instead of being
 * cut to "0000000" (issue 11). The kit's Axes places its labels and titles with the same numbers
 * (`axisPlacement`), so what the frame reserves is exactly what the axes use.
 */
import { tickLabels } from './axis-ticks.ts';
import type { Tick } from './axis-ticks.ts';
import { textWidth, widestText } from './text-width.ts';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Font sizes of the tick labels and axis titles, in CSS pixels. */
export interface AxisFont {
  tick: number;
  title: number;
}

export const AXIS_FONT: AxisFont = { tick: 11, title: 12 };

/** Tick-mark length, the gap from mark to label and from labels to title, and the slack at the edges. */
const MARK = 5;
const GAP = 3;
const TITLE_GAP = 5;
const PAD = 2;

/** Where the axes draw their labels and titles, relative to the plot area (x right, y down from its top-left). */
export interface AxisPlacement {
  mark: number;
  /** x of the y labels' right ends. */
  yLabelX: number;
  /** x of the rotated y title's baseline. */
  yTitleX: number;
  /** y of the x labels' baselines below the plot's bottom edge. */
  xLabelDy: number;
  /** y of the x title's baseline below the plot's bottom edge. */
  xTitleDy: number;
}

export function axisPlacement(font: AxisFont, yLabelWidth: number): AxisPlacement {
  return {
    mark: MARK,
    yLabelX: -(MARK + GAP),
    // Rotated by −90°, the title's glyphs rise to the left of its baseline (by about 0.8 em).
    yTitleX: -(MARK + GAP + yLabelWidth + TITLE_GAP + 0.2 * font.title),
    xLabelDy: MARK + GAP + 0.8 * font.tick,
    xTitleDy: MARK + GAP + font.tick + TITLE_GAP + 0.8 * font.title,
  };
}

/** The width the y labels take, as the Axes and the frame both compute it. */
export function yLabelWidth(yTicks: readonly Tick[], font: AxisFont): number {
  return widestText(tickLabels(yTicks), font.tick);
}

export interface FrameSpec {
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  xTitle?: boolean;
  yTitle?: boolean;
  font?: AxisFont;
  /** At least this much room on a side, for what is drawn beyond the axes (a title above, a legend beside). */
  room?: Partial<Margins>;
}

/** The margins the axes of `spec` need (whole pixels). */
export function frameMargins({ xTicks, yTicks, xTitle = false, yTitle = false, font = AXIS_FONT, room = {} }: FrameSpec): Margins {
  const hasX = tickLabels(xTicks).length > 0;
  const left = MARK + GAP + yLabelWidth(yTicks, font) + (yTitle ? TITLE_GAP + font.title : 0) + PAD;
  const bottom = hasX || xTitle ? MARK + GAP + font.tick + (xTitle ? TITLE_GAP + font.title : 0) + PAD : PAD;
  // The top and bottom y labels are centred on the plot's edges; the last x label on its tick.
  const lastX = [...xTicks].reverse().find((t) => t.label !== null);
  const right = lastX?.label ? textWidth(lastX.label, font.tick) / 2 + PAD : PAD;
  return {
    top: Math.ceil(Math.max(room.top ?? 0, font.tick / 2 + PAD)),
    right: Math.ceil(Math.max(room.right ?? 0, right)),
    bottom: Math.ceil(Math.max(room.bottom ?? 0, bottom, font.tick / 2 + PAD)),
    left: Math.ceil(Math.max(room.left ?? 0, left)),
  };
}

export interface FrameLayout {
  margin: Margins;
  /** The plot area's size. */
  width: number;
  height: number;
  xTicks: Tick[];
  yTicks: Tick[];
}

export interface LayoutSpec extends Omit<FrameSpec, 'xTicks' | 'yTicks'> {
  /** The whole frame's width; the plot area is what the margins leave (at least `minWidth`). */
  outerWidth: number;
  /** The plot area's height, or the whole frame's (`outerHeight`). */
  innerHeight?: number;
  outerHeight?: number;
  minWidth?: number;
  minHeight?: number;
  /** The ticks for a plot area of this size (their number usually grows with it). */
  xTicks: (width: number) => Tick[];
  yTicks: (height: number) => Tick[];
}

/**
 * Margins and plot area of a frame of a given outer width: the height first (the top and bottom margins do
 * not depend on the labels' widths), then the y ticks and the left margin, then the x ticks and the right.
 */
export function layoutFrame(spec: LayoutSpec): FrameLayout {
  const { outerWidth, minWidth = 50, minHeight = 50 } = spec;
  const vertical = frameMargins({ ...spec, xTicks: [], yTicks: [] });
  const bottomWith = frameMargins({ ...spec, xTicks: [{ value: 0, label: '0' }], yTicks: [] }).bottom;
  const height = spec.innerHeight ?? Math.max(minHeight, (spec.outerHeight ?? 0) - vertical.top - bottomWith);
  const yTicks = spec.yTicks(height);
  const left = frameMargins({ ...spec, xTicks: [], yTicks }).left;
  const provisional = Math.max(minWidth, outerWidth - left - vertical.right);
  const xTicks = spec.xTicks(provisional);
  const margin = frameMargins({ ...spec, xTicks, yTicks });
  return { margin, width: Math.max(minWidth, outerWidth - margin.left - margin.right), height, xTicks, yTicks };
}
