/**
 * The experiment state, kept in the URL. Replaces `useReducer(reduce, DEFAULT_STATE)` in App:
 * - on load the state comes from the link (`#v=1&l1.sigma=…`), and what could not be used is listed;
 * - edits rewrite the URL with replaceState at most twice a second (trailing), never a history entry each;
 * - deliberate actions (a preset, a tour step, loading a file) push a history entry, so Back undoes them;
 * - Back/Forward (popstate) and a hand-edited fragment (hashchange) restore the state they point at.
 * Training progress is not in the state, so a running training never touches the URL.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import type { LinkNotice } from '../../state/permalink/index.ts';
import { decodeFragment, decodeStateFile, encodeFragment, encodeStateFile } from '../../state/permalink/index.ts';
import { createUrlWriter, currentFragment, linkFor } from './history-sync.ts';
import type { PermalinkAction } from './synced-state.ts';
import { syncedReducer } from './synced-state.ts';
import { checkStateFile, type StateFileCheck } from './state-file.ts';

export { DELIBERATE_ACTIONS } from './synced-state.ts';
export type { LoadStateAction, PermalinkAction } from './synced-state.ts';

export interface LinkNoticeList {
  /** What was read: "this link" or a file name. */
  source: string;
  items: LinkNotice[];
}

export interface PermalinkControls {
  /** The full address of the current state (ahead of the throttled address bar). */
  link: string;
  notices: LinkNoticeList | null;
  dismissNotices(): void;
  /** The state as a JSON file's text ("Save state"). */
  stateFileText(): string;
  /**
   * Reads a state file ("Load state") with the same validation as links; a history entry, so Back undoes it.
   * A file that is not a state file at all changes nothing: the reason comes back instead.
   */
  loadStateFile(text: string, name: string): StateFileCheck;
}

const DEFAULT_FRAGMENT = encodeFragment(DEFAULT_STATE);

function initialFromLocation(): { state: ExperimentState; notices: LinkNotice[] } {
  return typeof window === 'undefined' ? { state: DEFAULT_STATE, notices: [] } : decodeFragment(currentFragment());
}

export function usePermalinkState(): { state: ExperimentState; dispatch: (action: PermalinkAction) => void; permalink: PermalinkControls } {
  const [initial] = useState(initialFromLocation);
  const [synced, send] = useReducer(syncedReducer, { state: initial.state, origin: 'link' });
  const [notices, setNotices] = useState<LinkNoticeList | null>(initial.notices.length ? { source: 'this link', items: initial.notices } : null);
  const writer = useMemo(() => createUrlWriter(DEFAULT_FRAGMENT), []);
  const fragment = useMemo(() => encodeFragment(synced.state), [synced.state]);
  const fragmentRef = useRef(fragment);

  useEffect(() => {
    fragmentRef.current = fragment;
    if (synced.origin === 'history') writer.cancel();
    else if (synced.origin === 'link') writer.replaceNow(fragment);
    else if (synced.origin === 'deliberate') writer.push(fragment);
    else writer.replaceSoon(fragment);
  }, [synced, fragment, writer]);

  useEffect(() => () => writer.dispose(), [writer]);

  useEffect(() => {
    const onNavigate = () => {
      const decoded = decodeFragment(currentFragment());
      if (encodeFragment(decoded.state) === fragmentRef.current) return;
      send({ type: 'restore', state: decoded.state, origin: 'history' });
      setNotices(decoded.notices.length ? { source: 'this link', items: decoded.notices } : null);
    };
    window.addEventListener('popstate', onNavigate);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, []);

  const dispatch = useCallback((action: PermalinkAction) => send({ type: 'app', action }), []);
  const state = synced.state;
  const permalink = useMemo(
    (): PermalinkControls => ({
      link: linkFor(fragment),
      notices,
      dismissNotices: () => setNotices(null),
      stateFileText: () => encodeStateFile(state),
      loadStateFile: (text, name) => {
        const check = checkStateFile(text);
        if (!check.ok) return check;
        const decoded = decodeStateFile(text);
        send({ type: 'restore', state: decoded.state, origin: 'deliberate' });
        setNotices(decoded.notices.length ? { source: name, items: decoded.notices } : null);
        return check;
      },
    }),
    [fragment, notices, state],
  );
  return { state, dispatch, permalink };
}
