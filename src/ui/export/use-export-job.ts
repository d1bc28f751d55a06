import { useRef, useState } from 'react';
import type { RefObject } from 'react';

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs one export of a panel at a time and says how it went: the panel is `target` or the closest `.panel`
 * around the element `ownRef` is put on; the buttons are disabled while a job runs; the status is for a live region.
 */
export function useExportJob(label: string, target?: RefObject<HTMLElement | null>) {
  const ownRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (what: string, job: (el: HTMLElement) => void | Promise<void>) => {
    const el = target?.current ?? ownRef.current?.closest<HTMLElement>('.panel') ?? null;
    if (!el) {
      setStatus(`Nothing to export: no panel found for ${label}.`);
      return;
    }
    setBusy(true);
    try {
      await job(el);
      setStatus(`${what} saved.`);
    } catch (e) {
      setStatus(`${what} failed: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return { ownRef, status, busy, run };
}
