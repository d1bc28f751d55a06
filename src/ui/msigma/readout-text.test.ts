import { describe, expect, it } from 'vitest';
import { currentText, gridStatusText, hoverText, pointText } from './readout-text.ts';

describe('pointText', () => {
  it('names (m, σ), and the mean parameters only in mean coordinates', () => {
    expect(pointText('msigma', -0.5, 2)).toBe('m = −0.5, σ = 2');
    expect(pointText('mean', -0.5, 2)).toBe('m = −0.5, σ = 2 (μ₁ = −0.5, μ₂ = 4.25)');
  });
});

describe('hoverText', () => {
  const sample = (m: number, sigma: number) => (m > 0 ? m + sigma : undefined);

  it('invites a hover when there is none', () => {
    expect(hoverText(null, 'msigma', 'E', sample)).toBe('Hover over the map to read values.');
  });

  it('reads the map under the pointer, approximately', () => {
    expect(hoverText({ m: 1, sigma: 0.5, feasible: true }, 'msigma', 'B', sample)).toBe('m = 1, σ = 0.5: B ≈ 1.5');
    expect(hoverText({ m: -1, sigma: 0.5, feasible: true }, 'msigma', 'B', sample)).toBe('m = −1, σ = 0.5: B ≈ outside the grid');
  });

  it('says a point below the parabola is infeasible instead of reading a value there', () => {
    expect(hoverText({ m: 2, sigma: 0, feasible: false }, 'mean', 'E', sample)).toBe('μ₁ = 2: infeasible, μ₂ < μ₁²');
  });
});

describe('currentText', () => {
  it('gives the exact value when there is one', () => {
    expect(currentText('msigma', 0.5, 0.5, 'B − E', 0.25, null)).toBe('m = 0.5, σ = 0.5: B − E = 0.25');
    expect(currentText('msigma', 0.5, 0.5, 'E', Infinity, null)).toBe('m = 0.5, σ = 0.5: E = +∞');
  });

  it('says why there is no value, or that it is being computed', () => {
    expect(currentText('msigma', 0.5, 0.5, 'E', null, 'bad loss')).toBe('m = 0.5, σ = 0.5: E = not computed (bad loss)');
    expect(currentText('msigma', 0.5, 0.5, 'E', null, null)).toBe('m = 0.5, σ = 0.5: E = computing…');
  });
});

describe('gridStatusText', () => {
  it('says the status, with the time and place of a finished computation', () => {
    expect(gridStatusText({ status: 'computing', elapsedMs: null, where: null })).toBe('computing…');
    expect(gridStatusText({ status: 'error', elapsedMs: null, where: null })).toBe('error');
    expect(gridStatusText({ status: 'ready', elapsedMs: 12.6, where: 'worker' })).toBe('ready (13 ms, worker)');
    expect(gridStatusText({ status: 'ready', elapsedMs: null, where: null })).toBe('ready');
  });
});
