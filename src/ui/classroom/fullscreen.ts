/**
 * One panel full screen: the Fullscreen API where the browser allows it, otherwise (no API, or the
 * request refused, e.g. in an iframe without permission) the panel maximised over the page by CSS
 * (the data-maximised attribute, styled in styles.css), which Esc or F undoes.
 */

export const MAXIMISED_ATTR = 'data-maximised';

export function maximisedPanel(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${MAXIMISED_ATTR}]`);
}

/** Leave native full screen or the CSS fallback; true if there was anything to leave. */
export function exitPanelFullscreen(): boolean {
  const max = maximisedPanel();
  if (max) {
    max.removeAttribute(MAXIMISED_ATTR);
    document.documentElement.classList.remove('has-maximised-panel');
    return true;
  }
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
    return true;
  }
  return false;
}

function maximise(panel: HTMLElement): void {
  panel.setAttribute(MAXIMISED_ATTR, '');
  document.documentElement.classList.add('has-maximised-panel');
}

/** Full screen for `panel`, or back out if a panel is already full screen. */
export async function togglePanelFullscreen(panel: HTMLElement | null, preferNative = true): Promise<'native' | 'maximised' | 'exited' | 'none'> {
  if (exitPanelFullscreen()) return 'exited';
  if (!panel) return 'none';
  if (preferNative && document.fullscreenEnabled && typeof panel.requestFullscreen === 'function') {
    try {
      await panel.requestFullscreen();
      return 'native';
    } catch {
      // Refused: fall through to the CSS fallback.
    }
  }
  maximise(panel);
  return 'maximised';
}

/** The panel that F acts on: the one holding focus, else the tour's, else the one most in view. */
export function panelForFullscreen(tourPanel: HTMLElement | null): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>('.panel');
  if (focused) return focused;
  if (tourPanel) return tourPanel;
  let best: HTMLElement | null = null;
  let bestVisible = 0;
  for (const panel of Array.from(document.querySelectorAll<HTMLElement>('.panel'))) {
    const r = panel.getBoundingClientRect();
    const visible = Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
    if (visible > bestVisible) {
      best = panel;
      bestVisible = visible;
    }
  }
  return best;
}
