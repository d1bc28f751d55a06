/**
 * The browser side of permalinks, without React: reading the fragment, writing it with replaceState at
 * most once per interval (a trailing write, so the last edit always lands), and pushState for deliberate
 * actions so that Back returns to the state before them.
 */
import { PASSTHROUGH_KEYS } from '../../state/permalink/index.ts';

export const REPLACE_INTERVAL_MS = 500;

/** The current fragment without the '#'. */
export function currentFragment(): string {
  return window.location.hash.replace(/^#/, '');
}

/** The state's fragment plus the page parameters the current fragment carries (`classroom=1`), which a rewrite must keep. */
export function withPageParams(fragment: string): string {
  const kept = currentFragment()
    .split('&')
    .filter((pair) => PASSTHROUGH_KEYS.has(pair.split('=')[0]));
  return kept.length ? `${fragment}&${kept.join('&')}` : fragment;
}

/** The address of the page with the given state fragment. */
export function linkFor(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${withPageParams(fragment)}`;
}

/** Whether the address bar already says this (an empty fragment means the defaults, i.e. `v=1`). */
function alreadyShown(fragment: string, defaultFragment: string): boolean {
  const now = currentFragment();
  return now === fragment || (now === '' && fragment === defaultFragment);
}

export interface UrlWriter {
  /** Rewrites the URL with replaceState: now if the last write was long enough ago, else at the end of the interval. */
  replaceSoon(fragment: string): void;
  /** Writes a new history entry now (cancelling a pending replace, which it supersedes). */
  push(fragment: string): void;
  /** Rewrites now without waiting (the link the page was opened with, once corrected). */
  replaceNow(fragment: string): void;
  /** Forgets a pending write (after Back, the address bar is already right). */
  cancel(): void;
  dispose(): void;
}

export function createUrlWriter(defaultFragment: string, interval = REPLACE_INTERVAL_MS, now: () => number = () => performance.now()): UrlWriter {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: string | null = null;
  let lastWrite = -Infinity;

  const write = (stateFragment: string, mode: 'replace' | 'push') => {
    lastWrite = now();
    const fragment = withPageParams(stateFragment);
    if (alreadyShown(fragment, defaultFragment)) return;
    if (mode === 'push') window.history.pushState(null, '', `#${fragment}`);
    else window.history.replaceState(window.history.state, '', `#${fragment}`);
  };
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return {
    replaceSoon(fragment) {
      pending = fragment;
      if (timer !== null) return;
      const wait = Math.max(0, lastWrite + interval - now());
      timer = setTimeout(() => {
        timer = null;
        if (pending !== null) write(pending, 'replace');
        pending = null;
      }, wait);
    },
    push(fragment) {
      cancel();
      write(fragment, 'push');
    },
    replaceNow(fragment) {
      cancel();
      write(fragment, 'replace');
    },
    cancel,
    dispose: cancel,
  };
}
