import { useCallback, useEffect, useRef, useState } from 'react';

/** The help dialog's open state; closing it gives focus back to what had it when it opened. */
export function useHelpDialog(): { helpOpen: boolean; openHelp: () => void; closeHelp: () => void } {
  const [helpOpen, setHelpOpen] = useState(false);
  const returnFocus = useRef<Element | null>(null);

  const openHelp = useCallback(() => {
    returnFocus.current = document.activeElement;
    setHelpOpen(true);
  }, []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  // Focus goes back where it was once the page is no longer inert.
  useEffect(() => {
    if (helpOpen) return;
    const el = returnFocus.current;
    returnFocus.current = null;
    if (el instanceof HTMLElement || el instanceof SVGElement) el.focus({ preventScroll: true });
  }, [helpOpen]);

  return { helpOpen, openHelp, closeHelp };
}
