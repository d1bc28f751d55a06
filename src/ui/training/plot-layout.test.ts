import { describe, expect, it } from 'vitest';
import { BOUNDARY_MAX_WIDTH, PLOT_GAP, trainingPlotLayout } from './plot-layout.ts';

describe('training plot layout', () => {
  it('one run on a wide screen: boundary and metrics side by side, filling the width', () => {
    const l = trainingPlotLayout(900, false);
    expect(l.sideBySide).toBe(true);
    expect(l.boundaryWidth).toBe(450);
    expect(l.boundaryWidth + PLOT_GAP + l.metricsWidth).toBe(900);
  });
  it('two runs: the boundaries share the row, the metrics take it whole', () => {
    const l = trainingPlotLayout(900, true);
    expect(l).toEqual({ sideBySide: true, boundaryWidth: 442, metricsWidth: 900 });
  });
  it('narrow screens stack, and a boundary never exceeds its maximum', () => {
    expect(trainingPlotLayout(390, false)).toEqual({ sideBySide: false, boundaryWidth: 390, metricsWidth: 390 });
    expect(trainingPlotLayout(700, false).boundaryWidth).toBe(BOUNDARY_MAX_WIDTH);
    expect(trainingPlotLayout(3000, true).boundaryWidth).toBe(BOUNDARY_MAX_WIDTH);
  });
});
