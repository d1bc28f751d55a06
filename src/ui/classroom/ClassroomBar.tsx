/** The classroom switches for the app header: classroom mode, the guided tour and the keyboard help. */
import { useClassroom } from './classroom-context.ts';

export function ClassroomBar() {
  const { classroom, setClassroom, tourIndex, goToStep, endTour, openHelp } = useClassroom();
  return (
    <div className="classroom-bar" role="group" aria-label="Classroom" data-export-ignore>
      <button type="button" className="classroom-button" data-testid="classroom-toggle" aria-pressed={classroom} onClick={() => setClassroom(!classroom)}>
        Classroom mode
      </button>
      <button
        type="button"
        className="classroom-button"
        data-testid="tour-start"
        aria-pressed={tourIndex !== null}
        onClick={() => (tourIndex === null ? goToStep(0) : endTour())}
      >
        Guided tour
      </button>
      <button type="button" className="classroom-button" data-testid="help-open" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={openHelp}>
        Keyboard help <kbd aria-hidden="true">?</kbd>
      </button>
    </div>
  );
}
