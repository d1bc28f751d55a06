import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { fixedTicks, linearTicks, logTicks, tickLabels } from './axis-ticks.ts';

describe('axis ticks', () => {
  it('label every linear tick with the tick format (powers of ten for huge values)', () => {
    expect(linearTicks(scaleLinear().domain([0, 1]), 3)).toEqual([0, 0.5, 1].map((v) => ({ value: v, label: String(v) })));
    expect(tickLabels(linearTicks(scaleLinear().domain([0, 3e7]), 3))).toContain('1e7');
  });

  it('label the 1-2-5 ticks of a log axis and keep the others as minor ticks (or drop them)', () => {
    const ticks = logTicks(scaleLog().domain([0.05, 2]), 6);
    expect(tickLabels(ticks)).toEqual(['0.05', '0.1', '0.2', '0.5', '1', '2']);
    expect(ticks.some((t) => t.label === null && t.value === 0.3)).toBe(true);
    expect(logTicks(scaleLog().domain([0.05, 2]), 6, { minor: false }).every((t) => t.label !== null)).toBe(true);
  });

  it('label every tick of a short log axis that has fewer than three 1-2-5 ticks', () => {
    expect(tickLabels(logTicks(scaleLog().domain([3, 9]), 6))).toEqual(['3', '4', '5', '6', '7', '8', '9']);
  });

  it('take fixed values as given', () => {
    expect(fixedTicks([0, 0.5, 1])).toEqual([{ value: 0, label: '0' }, { value: 0.5, label: '0.5' }, { value: 1, label: '1' }]);
  });
});
