/**
 * The keyboard help: a modal dialog (the page behind is inert, see ClassroomProvider) with the
 * shortcuts and the tour's steps. Focus starts on Close, Tab cycles inside, Esc closes.
 */
import { useEffect, useId, useRef } from 'react';
import { SHORTCUT_HELP } from './shortcuts.ts';
import { TOUR_STEPS } from './tour.ts';
import { useFocusTrap } from './use-focus-trap.ts';

interface Props {
  /** Whether classroom mode (and so its shortcuts) is on. */
  classroom: boolean;
  onClose(): void;
  onTourStep(index: number): void;
}

export function HelpOverlay({ classroom, onClose, onTourStep }: Props) {
  const id = useId();
  const { ref: dialogRef, onKeyDown } = useFocusTrap<HTMLDivElement>(onClose);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  return (
    <div className="help-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="help-overlay"
        onKeyDown={onKeyDown}
      >
        <div className="help-head">
          <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="classroom-button" data-testid="help-close" onClick={onClose}>
            Close <span aria-hidden="true">(Esc)</span>
          </button>
        </div>
        <table className="help-keys">
          <caption className="visually-hidden">Keys and what they do</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUT_HELP.map(({ keys, action, classroomOnly }) => (
              <tr key={action}>
                <td>{keys.map((k, i) => (k === '–' ? <span key={i}> – </span> : <kbd key={i}>{k}</kbd>))}</td>
                <td>
                  {action}
                  {classroomOnly && <span className="help-mode"> (classroom mode)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-note" data-testid="help-note">
          {classroom ? 'Classroom mode is on: all of these work.' : 'Turn on Classroom mode for the keys marked (classroom mode).'} No shortcut but Esc
          works while a field, button, checkbox, slider or the (m, σ) map has focus: the key is that control’s.
        </p>
        <h3>Guided tour</h3>
        <ol className="help-tour">
          {TOUR_STEPS.map((step, i) => (
            <li key={step.id}>
              <button type="button" className="help-tour-step" data-testid={`help-tour-${i + 1}`} onClick={() => onTourStep(i)}>
                {step.title}
              </button>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
