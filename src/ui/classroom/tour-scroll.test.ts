import { describe, expect, it } from 'vitest';
import { scrollToShow, TOUR_SCROLL_MARGIN as M } from './tour-scroll.ts';

describe('scrollToShow (where a tour step scrolls)', () => {
  it('puts the panel’s top at the top when its figure then fits above the bar', () => {
    expect(scrollToShow({ top: 500, bottom: 1500 }, { top: 700, bottom: 900 }, 600)).toBe(500 - M);
  });

  it('otherwise puts the figure’s bottom just above the bar (the 1-D readout at 1280 × 720)', () => {
    const by = scrollToShow({ top: 100, bottom: 900 }, { top: 250, bottom: 780 }, 627);
    expect(780 - by).toBe(627 - M);
    expect(250 - by).toBeGreaterThanOrEqual(M);
  });

  it('shows a figure taller than the room from its top (a phone’s column of controls is skipped)', () => {
    const by = scrollToShow({ top: 0, bottom: 3000 }, { top: 1200, bottom: 2200 }, 700);
    expect(1200 - by).toBe(M);
  });

  it('falls back to the panel’s top without a figure', () => {
    expect(scrollToShow({ top: -300, bottom: 500 }, null, 600)).toBe(-300 - M);
  });
});
