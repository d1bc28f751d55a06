import { describeNotice } from '../../state/permalink/index.ts';
import type { LinkNoticeList } from './use-permalink-state.ts';

/**
 * What a link or state file held that could not be used as written, and what was used instead. Shown
 * beside the page (not over it) and dismissible: the page itself opens either way.
 */
export function LinkNotices({ notices, onDismiss }: { notices: LinkNoticeList | null; onDismiss: () => void }) {
  if (!notices || notices.items.length === 0) return null;
  const count = notices.items.length;
  return (
    <div className="notices link-notices" role="status" data-testid="link-notices">
      <div className="link-notices-head">
        <span>
          {count === 1 ? 'One setting' : `${count} settings`} in {notices.source} could not be used as written:
        </span>
        <button type="button" className="share-button" onClick={onDismiss} data-testid="link-notices-dismiss" aria-label="Dismiss these notes">
          Dismiss
        </button>
      </div>
      <ul>
        {notices.items.map((n, i) => (
          <li key={`${i}:${n.key}`} data-key={n.key} data-action={n.action}>
            {describeNotice(n)}
          </li>
        ))}
      </ul>
    </div>
  );
}
