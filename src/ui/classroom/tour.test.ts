import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, experimentStateSchema } from '../../state/experiment.ts';
import { PANEL_SELECTORS, TOUR_STEPS, tourStepForState } from './tour.ts';

describe('the guided tour', () => {
  it('has at least 8 steps with unique ids and short captions', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
    for (const step of TOUR_STEPS) {
      expect(step.title.length).toBeGreaterThan(0);
      expect(step.caption.length, step.id).toBeLessThanOrEqual(200);
      expect(PANEL_SELECTORS[step.panel]).toBeTruthy();
    }
  });

  it('gives every step a complete, valid state (so each one is a permalink)', () => {
    for (const step of TOUR_STEPS) {
      const parsed = experimentStateSchema.safeParse(step.state);
      expect(parsed.success, `${step.id}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('walks the story in order: 1-D objectives, σ smoothing, the gap map, then training', () => {
    const panels = TOUR_STEPS.map((s) => s.panel);
    const firstMSigma = panels.indexOf('msigma');
    const firstTraining = panels.indexOf('training');
    expect(panels[0]).toBe('landscape1d');
    expect(firstMSigma).toBeGreaterThan(0);
    expect(firstTraining).toBeGreaterThan(firstMSigma);
    expect(TOUR_STEPS[firstMSigma].state.msigma.surface).toBe('gap');
    const sigmas = TOUR_STEPS.slice(1, 3).map((s) => s.state.landscape1d.sigma);
    expect(sigmas[1]).toBeGreaterThan(sigmas[0]);
    expect(TOUR_STEPS.filter((s) => s.panel === 'training').every((s) => s.state.training.optimizer.kind === 'bsam')).toBe(true);
  });

  it('keeps each step’s m inside its plotted domain', () => {
    for (const { state, id } of TOUR_STEPS) {
      const { from, to, m } = state.landscape1d;
      expect(m >= from && m <= to, id).toBe(true);
    }
  });
});

describe('tourStepForState (the caption after Back or Forward)', () => {
  it('finds every step from its own state, and no step from the default one', () => {
    TOUR_STEPS.forEach((step, i) => {
      expect(tourStepForState(step.state, 0), step.id).toBe(i);
      expect(tourStepForState(structuredClone(step.state), TOUR_STEPS.length - 1), step.id).toBe(i);
    });
    expect(tourStepForState(DEFAULT_STATE, 0)).toBeNull();
    const edited = structuredClone(TOUR_STEPS[2].state);
    edited.landscape1d.sigma = 0.61;
    expect(tourStepForState(edited, 2)).toBeNull();
  });
});

describe('the README', () => {
  it('gives the tour’s true length, and the digit keys reach the first ten steps', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen'];
    const n = TOUR_STEPS.length;
    expect(readme.replace(/\s+/g, ' ')).toMatch(new RegExp(`\\b(${n}|${words[n]})-step guided tour`));
    expect(readme).toContain('1–9 and 0');
    expect(n).toBeGreaterThanOrEqual(10);
  });
});
