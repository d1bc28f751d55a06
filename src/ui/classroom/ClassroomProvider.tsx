/**
 * Classroom mode, the guided tour, the help overlay and the keyboard shortcuts, around the app. It
 * owns no experiment state: a tour step hands its complete state to `loadState` (the reducer's
 * loadState action) and the training panel is driven through the TrainingRemote it registers.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import { ClassroomContext } from './classroom-context.ts';
import type { ClassroomApi } from './classroom-context.ts';
import { PaceContext } from '../kit/pace.ts';
import type { Pace } from '../kit/pace.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import { TOUR_STEPS, tourStepForState } from './tour.ts';
import { TourBar } from './TourBar.tsx';
import { TrainingRemoteContext, togglePlay } from '../training/training-remote.ts';
import type { TrainingRemoteSlot } from '../training/training-remote.ts';
import { useChosenPace } from './use-chosen-pace.ts';
import { useClassroomMode } from './use-classroom-mode.ts';
import { useClassroomShortcuts } from './use-classroom-shortcuts.ts';
import { useHelpDialog } from './use-help-dialog.ts';
import { useLiveRun } from './use-live-run.ts';
import { useTourEffects } from './use-tour-effects.ts';

interface Props {
  children: ReactNode;
  /** The experiment state shown: after Back or Forward the tour's caption follows it (tourStepForState). */
  state: ExperimentState;
  /** Replace the whole experiment state (App: `(state) => dispatch({ type: 'loadState', state })`). */
  loadState: (state: ExperimentState) => void;
}

export function ClassroomProvider({ children, state, loadState }: Props) {
  const [classroom, setClassroom] = useClassroomMode();
  const [tourIndex, setTourIndex] = useState<number | null>(null);
  const [pace, setPace] = useChosenPace();
  const { helpOpen, openHelp, closeHelp } = useHelpDialog();
  const remoteSlot = useRef<TrainingRemoteSlot['current']>(null);

  const goToStep = useCallback(
    (index: number) => {
      const i = Math.min(TOUR_STEPS.length - 1, Math.max(0, index));
      setTourIndex(i);
      loadState(TOUR_STEPS[i].state);
    },
    [loadState],
  );
  const endTour = useCallback(() => setTourIndex(null), []);

  // Back and Forward restore a step's state without going through goToStep: the caption follows the
  // state. A state that is no step's (the class tried another σ) keeps the caption it was edited from.
  // Adjusted while rendering (React's pattern for state derived from a prop's change), not in an effect.
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    const step = tourIndex === null ? null : tourStepForState(state, tourIndex);
    if (step !== null && step !== tourIndex) setTourIndex(step);
  }

  const tourPanel = useTourEffects(tourIndex, remoteSlot);
  // The pace is the tour's: live things (a step's run, the minimiser sweep) slow down only while it is on.
  const livePace: Pace = tourIndex !== null ? pace : 'normal';
  const live = useLiveRun(remoteSlot, tourIndex !== null && TOUR_STEPS[tourIndex].play, livePace);

  useClassroomShortcuts({
    classroom,
    tourIndex,
    helpOpen,
    remote: remoteSlot,
    tourPanel,
    onTogglePlay: () => togglePlay(remoteSlot.current),
    onHelp: () => (helpOpen ? closeHelp() : openHelp()),
    onCloseHelp: closeHelp,
    onTourStep: goToStep,
  });

  const api = useMemo<ClassroomApi>(
    () => ({ classroom, setClassroom, tourIndex, goToStep, endTour, helpOpen, openHelp, closeHelp }),
    [classroom, setClassroom, tourIndex, goToStep, endTour, helpOpen, openHelp, closeHelp],
  );

  return (
    <ClassroomContext.Provider value={api}>
      <TrainingRemoteContext.Provider value={remoteSlot}>
        {/* While the help is open the page behind it is inert: focus and clicks stay in the dialog. */}
        <div className="classroom-root" inert={helpOpen}>
          <PaceContext.Provider value={livePace}>{children}</PaceContext.Provider>
          {tourIndex !== null && <TourBar index={tourIndex} onGo={goToStep} onEnd={endTour} pace={pace} onPace={setPace} live={live} />}
        </div>
        {helpOpen && <HelpOverlay classroom={classroom} onClose={closeHelp} onTourStep={(i) => (closeHelp(), goToStep(i))} />}
      </TrainingRemoteContext.Provider>
    </ClassroomContext.Provider>
  );
}
