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

/** How long after a step is shown the tour keeps its figure in view while the page's layout settles. */
const FOLLOW_LAYOUT_MS = 30_000;
/** What a person does to scroll the page themselves; the tour then stops moving it. */
const USER_SCROLL_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/**
 * Calls `show` whenever the panel or the page changes size, for FOLLOW_LAYOUT_MS or until the user
 * scrolls, clicks or types; returns the function that stops it.
 */
function followLayout(panel: HTMLElement, show: () => void): () => void {
  // ResizeObserver reports each element once when observed: only a later change of height counts (so
  // the step's own smooth scroll is not cut short).
  const heights = new Map<Element, number>();
  const observer = new ResizeObserver((entries) => {
    let changed = false;
    for (const { target, contentRect } of entries) {
      const before = heights.get(target);
      heights.set(target, contentRect.height);
      if (before !== undefined && before !== contentRect.height) changed = true;
    }
    if (changed) show();
  });
  observer.observe(panel);
  observer.observe(document.body);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of USER_SCROLL_EVENTS) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, FOLLOW_LAYOUT_MS);
  for (const type of USER_SCROLL_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
  return stop;
}

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
    let stopFollowing = () => {};
    if (panel) {
      panel.setAttribute(TOUR_FOCUS_ATTR, '');
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const room = () => window.innerHeight - (document.querySelector<HTMLElement>('[data-testid="tour-bar"]')?.offsetHeight ?? 0);
      window.scrollBy({ top: scrollToShow(panel.getBoundingClientRect(), figureRect(panel, step.panel), room()), behavior: smooth ? 'smooth' : 'auto' });
      // The figure can grow or move after the scroll (a path arrives with its sentence, a panel above
      // re-lays out): scroll again whenever it is no longer wholly above the bar, until the user scrolls.
      stopFollowing = followLayout(panel, () => {
        const figure = figureRect(panel, step.panel);
        if (figure && figure.top >= 0 && figure.bottom <= room()) return;
        window.scrollBy({ top: scrollToShow(panel.getBoundingClientRect(), figure, room()), behavior: 'auto' });
      });
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
      stopFollowing();
      panel?.removeAttribute(TOUR_FOCUS_ATTR);
      clearInterval(timer);
    };
  }, [index, remote]);
  return panelRef;
}
