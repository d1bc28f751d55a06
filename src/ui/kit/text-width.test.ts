import { describe, expect, it } from 'vitest';
import { textWidth, widestText } from './text-width.ts';

describe('textWidth', () => {
  it('grows with the label, one digit at a time, and scales with the font size', () => {
    expect(textWidth('10', 11)).toBeCloseTo(2 * 0.636 * 11, 9);
    expect(textWidth('10000000', 11)).toBeGreaterThan(textWidth('1e7', 11));
    expect(textWidth('−2.5', 22)).toBeCloseTo(2 * textWidth('−2.5', 11), 9);
  });

  it('gives the widest label of a list, 0 for none', () => {
    expect(widestText(['1', '100', '10'], 10)).toBe(textWidth('100', 10));
    expect(widestText([], 10)).toBe(0);
  });
});
