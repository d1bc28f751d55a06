import { describe, expect, it } from 'vitest';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { boundaryFrame, boundaryScales, insidePlot, MAX_PLOT_HEIGHT } from './boundary-frame.ts';

const grid = (xFrom: number, xTo: number, yFrom: number, yTo: number): DecisionGrid => ({
  size: 2, xFrom, xTo, yFrom, yTo, classes: 2, probs: new Float32Array(8), meanProbs: null, samples: [],
});

describe('boundaryFrame', () => {
  it('keeps equal aspect and fills the width (margins included)', () => {
    const f = boundaryFrame(grid(-2, 2, -1, 1), 500);
    expect(f.outerWidth).toBeCloseTo(500, 9);
    expect(f.plotHeight).toBeCloseTo(f.plotWidth / 2, 9);
    expect(f.outerHeight).toBe(f.plotHeight + f.margin.top + f.margin.bottom);
  });

  it('narrows a plot that would be taller than the maximum', () => {
    const f = boundaryFrame(grid(0, 1, 0, 2), 600);
    expect(f.plotHeight).toBe(MAX_PLOT_HEIGHT);
    expect(f.plotWidth).toBe(MAX_PLOT_HEIGHT / 2);
  });

  it('widens the left margin for longer y labels', () => {
    expect(boundaryFrame(grid(0, 1, -1000, 1000), 500).margin.left).toBeGreaterThan(boundaryFrame(grid(0, 1, 0, 1), 500).margin.left);
  });
});

describe('boundaryScales and insidePlot', () => {
  it('map the grid onto the plot area, y up, and tell the margins from the plot', () => {
    const g = grid(-2, 2, -1, 1);
    const f = boundaryFrame(g, 500);
    const { x, y } = boundaryScales(g, f);
    expect(x(-2)).toBe(f.margin.left);
    expect(y(1)).toBe(f.margin.top);
    expect(y(-1)).toBeCloseTo(f.margin.top + f.plotHeight, 9);
    expect(insidePlot(f, x(0), y(0))).toBe(true);
    expect(insidePlot(f, f.margin.left - 1, y(0))).toBe(false);
    expect(insidePlot(f, x(0), f.outerHeight)).toBe(false);
  });
});
