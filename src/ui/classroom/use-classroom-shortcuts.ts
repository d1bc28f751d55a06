/**
 * The global keyboard shortcuts (see shortcuts.ts for which key means what and when keys are left
 * alone). One window listener; it reads the latest handlers from a ref, so it is added once.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { exitPanelFullscreen, panelForFullscreen, togglePanelFullscreen } from './fullscreen.ts';
import { commandFor } from './shortcuts.ts';
import type { TargetLike } from './shortcuts.ts';
import type { TrainingRemoteSlot } from '../training/training-remote.ts';

export interface ShortcutHandlers {
  /** Classroom mode: the lesson's keys work only then (shortcuts.ts). */
  classroom: boolean;
  /** The tour step shown, or null when the tour is off. */
  tourIndex: number | null;
  helpOpen: boolean;
  remote: TrainingRemoteSlot;
  tourPanel: RefObject<HTMLElement | null>;
  onTogglePlay(): void;
  onHelp(): void;
  onCloseHelp(): void;
  onTourStep(index: number): void;
}

/** The panel last clicked: F's target when focus is on nothing inside a panel (a click on text does not focus). */
let lastClickedPanel: HTMLElement | null = null;
export function lastClickedPanelElement(): HTMLElement | null {
  return lastClickedPanel?.isConnected ? lastClickedPanel : null;
}

function describe(target: EventTarget | null): TargetLike | null {
  if (!(target instanceof Element)) return null;
  return {
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: target instanceof HTMLElement ? target.isContentEditable : false,
    role: target.getAttribute('role'),
  };
}

export function useClassroomShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // A control that used the key (the (m, σ) map's arrows, a field's Escape) has the last word.
      if (e.defaultPrevented || e.isComposing) return;
      const h = latest.current;
      const command = commandFor(e, describe(e.target), { classroom: h.classroom, tour: h.tourIndex !== null });
      if (!command) return;
      // The help dialog is modal: only its own keys work while it is open.
      if (h.helpOpen && command.type !== 'escape' && command.type !== 'help') return;
      const run = h.remote.current;
      switch (command.type) {
        case 'togglePlay':
        case 'step':
        case 'reset':
          if (!run) return;
          if (command.type === 'togglePlay') h.onTogglePlay();
          else if (command.type === 'step') run.step();
          else run.reset();
          break;
        case 'fullscreen':
          void togglePanelFullscreen(panelForFullscreen(h.tourPanel.current ?? lastClickedPanelElement()));
          break;
        case 'help':
          h.onHelp();
          break;
        case 'escape':
          if (h.helpOpen) h.onCloseHelp();
          else if (!exitPanelFullscreen()) return;
          break;
        case 'tourStep':
          h.onTourStep(command.index);
          break;
        case 'tourMove':
          if (h.tourIndex === null) return;
          h.onTourStep(h.tourIndex + command.by);
          break;
      }
      e.preventDefault();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Element) lastClickedPanel = e.target.closest<HTMLElement>('.panel');
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, []);
}
