import { describe, expect, it } from 'vitest';
import { movedStart, pannedView, pressDrag, START_GRAB_RADIUS, wheelFactor } from './map-interaction.ts';

const range = { xFrom: -2, xTo: 2, yFrom: -1, yTo: 1 };

describe('map interaction', () => {
  it('grabs the start point near it, else starts a pan from the press and the view at that moment', () => {
    expect(pressDrag(100 + START_GRAB_RADIUS, 50, 100, 50, range)).toEqual({ kind: 'start' });
    expect(pressDrag(100 + START_GRAB_RADIUS + 1, 50, 100, 50, range)).toEqual({ kind: 'pan', px: 113, py: 50, range });
  });

  it('pans so the grabbed point follows the pointer: right moves the view left, down moves it up', () => {
    const drag = { px: 10, py: 10, range };
    // A quarter of a 200 × 100 plot to the right and a half down: x span 4, y span 2.
    expect(pannedView(drag, 60, 60, 200, 100)).toEqual({ xFrom: -3, xTo: 1, yFrom: 0, yTo: 2 });
  });

  it('zooms out for a positive wheel delta, in for a negative one, at most by e per event', () => {
    expect(wheelFactor(100)).toBeGreaterThan(1);
    expect(wheelFactor(-100)).toBeLessThan(1);
    expect(wheelFactor(1e6)).toBeCloseTo(Math.E, 12);
    expect(wheelFactor(-1e6)).toBeCloseTo(1 / Math.E, 12);
    expect(wheelFactor(0)).toBe(1);
  });

  it('moves the start point by 2 % of the view, 10 % with Shift, and ignores other keys', () => {
    const start = { x: 0, y: 0 };
    expect(movedStart('ArrowRight', false, range, start)).toEqual({ x: 0.08, y: 0 });
    expect(movedStart('ArrowUp', true, range, start)).toEqual({ x: 0, y: 0.2 });
    expect(movedStart('ArrowDown', false, range, start)).toEqual({ x: 0, y: -0.04 });
    expect(movedStart('Enter', false, range, start)).toBeNull();
  });
});
