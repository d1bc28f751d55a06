/**
 * Sharing the experiment: copy its link, show the link as a QR code, save the state as a JSON file and
 * load one back (validated like a link). Also lists what a link or file held that could not be used.
 */
import { useEffect, useRef, useState } from 'react';
import { LinkNotices } from './LinkNotices.tsx';
import './permalink.css';
import { LINK_LENGTH_LIMIT, QrCode } from './QrCode.tsx';
import type { PermalinkControls } from './use-permalink-state.ts';

type CopyStatus = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual' };

const STATE_FILE_NAME = 'sam-bayes-lab-state.json';
/** How long "Link copied" stays up. */
const COPIED_MS = 4000;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download; the object URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ShareBar({ permalink }: { permalink: PermalinkControls }) {
  const [copy, setCopy] = useState<CopyStatus>({ kind: 'idle' });
  const [qrOpen, setQrOpen] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const manualRef = useRef<HTMLInputElement>(null);
  const { link } = permalink;

  useEffect(() => {
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopy({ kind: 'copied' });
    } catch {
      // No clipboard permission (or no clipboard API): show the link selected, ready for Ctrl+C.
      setCopy({ kind: 'manual' });
      requestAnimationFrame(() => manualRef.current?.select());
    }
  };

  const loadFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again loads it again.
    input.value = '';
    if (!file) return;
    try {
      const r = permalink.loadStateFile(await file.text(), file.name);
      setFileError(r.ok ? null : `${file.name} was not loaded, and nothing changed: ${r.reason}.`);
    } catch (e) {
      setFileError(`Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="share-bar" data-testid="share-bar">
      <div className="share-actions" role="group" aria-label="Share this experiment">
        <button type="button" className="share-button" data-testid="copy-link" onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" className="share-button" data-testid="qr-toggle" aria-expanded={qrOpen} onClick={() => setQrOpen((o) => !o)}>
          QR code
        </button>
        <button type="button" className="share-button" data-testid="save-state" onClick={() => download(permalink.stateFileText(), STATE_FILE_NAME)}>
          Save state
        </button>
        <label className="share-button share-file">
          Load state
          <input type="file" accept=".json,application/json" data-testid="load-state" onChange={(e) => void loadFile(e.currentTarget)} />
        </label>
        <span className="share-status" role="status" data-testid="copy-status">
          {copy.kind === 'copied' ? 'Link copied' : copy.kind === 'manual' ? 'Copying was refused: the link is selected below, press Ctrl+C (⌘C)' : ''}
        </span>
      </div>
      {copy.kind === 'manual' && (
        <input ref={manualRef} className="share-manual" readOnly value={link} aria-label="Link to this experiment" data-testid="link-text" onFocus={(e) => e.currentTarget.select()} />
      )}
      {link.length > LINK_LENGTH_LIMIT && (
        <p className="share-warning notice-error" role="status" data-testid="link-too-long">
          This link is too long to share: {link.length.toLocaleString('en')} characters, beyond the {LINK_LENGTH_LIMIT.toLocaleString('en')} that servers and chat or
          mail clients pass on whole (an imported dataset travels in it).{' '}
          <button type="button" className="share-button" data-testid="save-state-instead" onClick={() => download(permalink.stateFileText(), STATE_FILE_NAME)}>
            Save state to a file instead
          </button>
        </p>
      )}
      {fileError && (
        <p className="notice-error" role="alert" data-testid="load-state-error">
          {fileError}
        </p>
      )}
      {qrOpen && <QrCode text={link} />}
      <LinkNotices notices={permalink.notices} onDismiss={permalink.dismissNotices} />
    </div>
  );
}
