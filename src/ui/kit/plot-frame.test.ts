import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { fixedTicks, linearTicks } from './axis-ticks.ts';
import { AXIS_FONT, axisPlacement, frameMargins, layoutFrame, yLabelWidth } from './plot-frame.ts';
import { textWidth } from './text-width.ts';

describe('the plot frame', () => {
  it('widens the left margin to hold the widest y label (issue 11: "10000000" was cut to "0000000")', () => {
    const small = frameMargins({ xTicks: [], yTicks: fixedTicks([0, 0.5, 1]) });
    const huge = frameMargins({ xTicks: [], yTicks: [{ value: 1e7, label: '10000000' }] });
    expect(huge.left - small.left).toBeCloseTo(textWidth('10000000', AXIS_FONT.tick) - textWidth('0.5', AXIS_FONT.tick), -1);
    // The label's right end is at yLabelX; its left end stays inside the margin.
    const ticks = [{ value: 1e7, label: '10000000' }];
    expect(huge.left + axisPlacement(AXIS_FONT, yLabelWidth(ticks, AXIS_FONT)).yLabelX - textWidth('10000000', AXIS_FONT.tick)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the rotated y title left of the labels and inside the margin', () => {
    const ticks = linearTicks(scaleLinear().domain([0, 3e6]), 5);
    const m = frameMargins({ xTicks: [], yTicks: ticks, yTitle: true });
    const at = axisPlacement(AXIS_FONT, yLabelWidth(ticks, AXIS_FONT));
    expect(at.yTitleX).toBeLessThan(at.yLabelX - yLabelWidth(ticks, AXIS_FONT));
    expect(m.left + at.yTitleX - 0.8 * AXIS_FONT.title).toBeGreaterThanOrEqual(0);
  });

  it('makes room below for labels and title, on the right for the last x label, and keeps requested room', () => {
    const bare = frameMargins({ xTicks: [], yTicks: [] });
    const withX = frameMargins({ xTicks: fixedTicks([0, 1000]), yTicks: [], xTitle: true, room: { top: 30 } });
    expect(withX.bottom).toBeGreaterThan(bare.bottom + AXIS_FONT.tick + AXIS_FONT.title);
    expect(withX.right).toBeGreaterThanOrEqual(textWidth('1000', AXIS_FONT.tick) / 2);
    expect(withX.top).toBe(30);
  });

  it('lays out a frame of a given outer size: the plot area is what the margins leave', () => {
    const f = layoutFrame({
      outerWidth: 600,
      outerHeight: 300,
      xTitle: true,
      yTitle: true,
      xTicks: (w) => linearTicks(scaleLinear().domain([0, 10]), w / 80),
      yTicks: (h) => linearTicks(scaleLinear().domain([0, 1e6]), h / 60),
    });
    expect(f.margin.left + f.width + f.margin.right).toBe(600);
    expect(f.margin.top + f.height + f.margin.bottom).toBe(300);
    expect(f.yTicks.map((t) => t.label)).toContain('1e6');
  });
});
