import { describe, expect, it } from 'vitest';
import { arrowStep } from './arrow-step.ts';
import { M_POINTS, SIGMA_POINTS } from './resolve.ts';

const P = { m: 0, sigma: 0.5, from: -3, to: 3, sigmaFrom: 0.05, sigmaTo: 2 };

describe('arrow keys on the (m, σ) map', () => {
  it('moves m by one grid cell, ten with Shift', () => {
    const cell = 6 / (M_POINTS - 1);
    expect(arrowStep('ArrowRight', false, P)?.m).toBeCloseTo(cell, 12);
    expect(arrowStep('ArrowLeft', true, P)?.m).toBeCloseTo(-10 * cell, 12);
  });

  it('moves σ multiplicatively (its axis is log)', () => {
    const ratio = Math.pow(2 / 0.05, 1 / (SIGMA_POINTS - 1));
    expect(arrowStep('ArrowUp', false, P)?.sigma).toBeCloseTo(0.5 * ratio, 12);
    expect(arrowStep('ArrowDown', false, P)?.sigma).toBeCloseTo(0.5 / ratio, 12);
  });

  it('keeps the crosshair inside the map, and ignores other keys', () => {
    expect(arrowStep('ArrowRight', true, { ...P, m: 2.99 })?.m).toBe(3);
    expect(arrowStep('ArrowDown', true, { ...P, sigma: 0.051 })?.sigma).toBe(0.05);
    // A state outside the map (σ from the 1-D panel) is pulled onto it first.
    expect(arrowStep('ArrowLeft', false, { ...P, sigma: 7 })?.sigma).toBe(2);
    expect(arrowStep('Enter', false, P)).toBeNull();
  });
});
