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
  helpOpen: boolean;
  remote: TrainingRemoteSlot;
  tourPanel: RefObject<HTMLElement | null>;
  onTogglePlay(): void;
  onHelp(): void;
  onCloseHelp(): void;
  onTourStep(index: number): void;
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
      const command = commandFor(e, describe(e.target));
      if (!command) return;
      const h = latest.current;
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
          void togglePanelFullscreen(panelForFullscreen(h.tourPanel.current));
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
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
