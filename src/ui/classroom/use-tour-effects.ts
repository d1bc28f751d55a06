/**
 * What showing a tour step does besides loading its state: the step's panel is marked (outlined by
 * styles.css) and scrolled into view, and training starts once the step's run is built (or pauses when
 * a step without training is shown, so a background run does not slow the class's laptop).
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { FIGURE_SELECTORS, PANEL_SELECTORS, TOUR_STEPS } from './tour.ts';
import { scrollToShow } from './tour-scroll.ts';
import type { Box } from './tour-scroll.ts';
import type { TourPanel } from './tour.ts';
import type { TrainingRemoteSlot } from '../training/training-remote.ts';

export const TOUR_FOCUS_ATTR = 'data-tour-focus';
/** useTrainingWorker debounces a config change by 200 ms; a 'paused' seen before then may be the old run's. */
const PLAY_NOT_BEFORE_MS = 450;
/** Building a run on a slow backend can take a while; give up starting it after this. */
const PLAY_GIVE_UP_MS = 60_000;
const PLAY_POLL_MS = 150;
/** After the run is seen playing, how long a rebuild ('idle') still means the played run was the old one. */
const PLAY_SETTLE_MS = 5_000;

/** The union of the rectangles of the panel's figure (FIGURE_SELECTORS), or null if none is there. */
function figureRect(panel: HTMLElement, which: TourPanel): Box | null {
  let box: Box | null = null;
  for (const selector of FIGURE_SELECTORS[which].split(',')) {
    const el = panel.querySelector(selector.trim());
    if (!el) continue;
    const r = el.getBoundingClientRect();
    box = box ? { top: Math.min(box.top, r.top), bottom: Math.max(box.bottom, r.bottom) } : { top: r.top, bottom: r.bottom };
  }
  return box;
}

export function findPanel(panel: TourPanel): HTMLElement | null {
  for (const selector of PANEL_SELECTORS[panel].split(',')) {
    const el = document.querySelector<HTMLElement>(selector.trim());
    if (el) return el;
  }
  return null;
}

/** Runs the step's effects; the returned ref holds the step's panel (F's fallback target). */
export function useTourEffects(index: number | null, remote: TrainingRemoteSlot): RefObject<HTMLElement | null> {
  const panelRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (index === null) {
      panelRef.current = null;
      return undefined;
    }
    const step = TOUR_STEPS[index];
    const panel = findPanel(step.panel);
    panelRef.current = panel;
    if (panel) {
      panel.setAttribute(TOUR_FOCUS_ATTR, '');
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const bar = document.querySelector<HTMLElement>('[data-testid="tour-bar"]');
      const by = scrollToShow(panel.getBoundingClientRect(), figureRect(panel, step.panel), window.innerHeight - (bar?.offsetHeight ?? 0));
      window.scrollBy({ top: by, behavior: smooth ? 'smooth' : 'auto' });
    }
    let timer: ReturnType<typeof setInterval> | undefined;
    if (step.play) {
      const start = performance.now();
      // When the run was seen playing (played here, or still running from the previous step). On a loaded
      // machine the panel may re-render with the step's config only after PLAY_NOT_BEFORE_MS, so the run
      // seen then can be the old one: if the run is then rebuilt ('idle'), the new one is played when built.
      let playingSince: number | null = null;
      timer = setInterval(() => {
        const now = performance.now();
        const run = remote.current;
        if (now - start > PLAY_GIVE_UP_MS) clearInterval(timer);
        else if (playingSince !== null) {
          if (run?.status === 'idle') playingSince = null;
          else if (now - playingSince > PLAY_SETTLE_MS) clearInterval(timer);
        } else if (now - start < PLAY_NOT_BEFORE_MS) return;
        else if (run?.status === 'running') playingSince = now;
        else if (run?.status === 'paused') {
          run.play();
          playingSince = now;
        }
      }, PLAY_POLL_MS);
    } else if (remote.current?.status === 'running') remote.current.pause();
    return () => {
      panel?.removeAttribute(TOUR_FOCUS_ATTR);
      clearInterval(timer);
    };
  }, [index, remote]);
  return panelRef;
}
