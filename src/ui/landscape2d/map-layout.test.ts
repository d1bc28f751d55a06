import { describe, expect, it } from 'vitest';
import { MAP_GAP, MAP_MARGIN, mapGridLayout, MAX_MAP_SIZE, MIN_MAP_SIZE } from './map-layout.ts';

const square = { xFrom: -1, xTo: 1, yFrom: -1, yTo: 1 };
const outer = (size: number) => size + MAP_MARGIN.left + MAP_MARGIN.right;

describe('mapGridLayout', () => {
  it('puts four maps across when each gets 220 px, two on a tablet, one on a phone', () => {
    expect(mapGridLayout(4 * outer(220) + 3 * MAP_GAP, square).columns).toBe(4);
    expect(mapGridLayout(4 * outer(220) + 3 * MAP_GAP - 1, square).columns).toBe(2);
    expect(mapGridLayout(2 * outer(MIN_MAP_SIZE) + MAP_GAP - 1, square).columns).toBe(1);
  });

  it('fills the column, within the size bounds', () => {
    const two = mapGridLayout(700, square);
    expect(2 * outer(two.width) + MAP_GAP).toBeLessThanOrEqual(700);
    expect(two.width).toBe(two.height);
    expect(mapGridLayout(5000, square).width).toBe(MAX_MAP_SIZE);
    expect(mapGridLayout(100, square).width).toBe(MIN_MAP_SIZE);
  });

  it('keeps pixels square: the longer side of the view gets the full size', () => {
    const wide = mapGridLayout(400, { xFrom: 0, xTo: 2, yFrom: 0, yTo: 1 });
    expect(wide.height).toBe(Math.round(wide.width / 2));
    const tall = mapGridLayout(400, { xFrom: 0, xTo: 1, yFrom: 0, yTo: 4 });
    expect(tall.width).toBe(Math.max(60, Math.round(tall.height / 4)));
  });
});
