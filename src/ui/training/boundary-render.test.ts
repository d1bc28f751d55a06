import { describe, expect, it } from 'vitest';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { classChannel, entropyField, entropyPixels, levelLines, predictivePixels, shownProbs } from './boundary-render.ts';

/** p(class 1) = sigmoid(k·(x − c)) on a linspace grid: the 0.5 set is the vertical line x = c. */
function verticalBoundary(size: number, c: number): Float32Array {
  const v = new Float32Array(size * size);
  for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) v[i * size + j] = 1 / (1 + Math.exp(-4 * (j - c)));
  return v;
}

describe('levelLines', () => {
  it('finds the 0.5 crossing in grid-index coordinates, without the grid border', () => {
    const size = 10;
    const lines = levelLines(verticalBoundary(size, 4.5), size);
    // Within the plotted range (grid indices 0 … size − 1; the plot clips the half cell beyond).
    const inside = lines.flat().filter(([j, i]) => j >= 0 && j <= size - 1 && i >= 0 && i <= size - 1);
    expect(inside.length).toBeGreaterThan(1);
    for (const [j] of inside) expect(j).toBeCloseTo(4.5, 6);
    const rows = inside.map(([, i]) => i);
    expect(Math.min(...rows)).toBe(0);
    expect(Math.max(...rows)).toBe(size - 1);
    // No edge runs along the border (the rings d3 closes there).
    for (const line of lines) for (const [j] of line) expect(j).toBeGreaterThan(-0.5 + 1e-9);
  });

  it('is empty when the field never crosses the level', () => {
    expect(levelLines(new Float32Array(16).fill(0.9), 4)).toEqual([]);
  });
});

describe('predictivePixels', () => {
  it('puts the largest y in the top row and colours p = 0 red, p = 1 blue', () => {
    const size = 2;
    // Row 0 (y = yFrom) is class 0 for sure, row 1 (y = yTo) class 1.
    const probs = Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
    const grid: DecisionGrid = { size, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, classes: 2, probs, meanProbs: null, samples: [] };
    const px = predictivePixels(grid);
    const [r0, , b0] = px.slice(0, 4);
    const [r1, , b1] = px.slice(8, 12);
    expect(b0).toBeGreaterThan(r0); // top row: y = yTo, class 1, blue
    expect(r1).toBeGreaterThan(b1); // bottom row: class 0, red
    expect(classChannel(probs, size, 2, 1)).toEqual(Float32Array.from([0, 0, 1, 1]));
  });
});

describe('entropyField', () => {
  it('is 0 for a certain prediction, ln 2 for a coin flip and ln 3 for three equal classes (nats)', () => {
    const two = entropyField(Float32Array.from([1, 0, 0.5, 0.5, 0.9, 0.1]), 3, 2);
    expect(two[0]).toBeCloseTo(0, 7);
    expect(two[1]).toBeCloseTo(Math.LN2, 6);
    expect(two[2]).toBeCloseTo(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)), 6);
    const three = entropyField(Float32Array.from([1 / 3, 1 / 3, 1 / 3]), 1, 3);
    expect(three[0]).toBeCloseTo(Math.log(3), 6);
  });

  it('is NaN where a probability is not finite, and renormalises rounding', () => {
    const h = entropyField(Float32Array.from([Number.NaN, 0.5, 0.5000001, 0.5000001]), 2, 2);
    expect(Number.isNaN(h[0])).toBe(true);
    expect(h[1]).toBeCloseTo(Math.LN2, 6);
  });
});

describe('entropyPixels', () => {
  it('maps 0 nats to near white, ln(classes) to the dark end, rows flipped so the top row is the largest y', () => {
    const size = 2;
    // Row i = 0 (smallest y) certain, row 1 (largest y) uniform.
    const px = entropyPixels(Float32Array.from([0, 0, Math.LN2, Math.LN2]), size, 2);
    const top = px.slice(0, 4);
    const bottom = px.slice(8, 12);
    expect(bottom[0] + bottom[1] + bottom[2]).toBeGreaterThan(700);
    expect(top[0] + top[1] + top[2]).toBeLessThan(400);
    expect(px[3]).toBe(255);
  });
});

describe('shownProbs', () => {
  it('picks the mean-weights prediction only when asked and available', () => {
    const meanProbs = new Float32Array(8).fill(0.25);
    const withMean: DecisionGrid = { size: 2, xFrom: 0, xTo: 1, yFrom: 0, yTo: 1, classes: 2, probs: new Float32Array(8), meanProbs, samples: [] };
    expect(shownProbs(withMean, 'mean')).toBe(meanProbs);
    expect(shownProbs(withMean, 'averaged')).toBe(withMean.probs);
    expect(shownProbs({ ...withMean, meanProbs: null }, 'mean')).toBe(withMean.probs);
  });
});
