/** What the classroom controls (bar, tour, help) share; provided by ClassroomProvider. */
import { createContext, useContext } from 'react';

export interface ClassroomApi {
  classroom: boolean;
  setClassroom(on: boolean): void;
  /** The tour step shown, or null when the tour is off. */
  tourIndex: number | null;
  goToStep(index: number): void;
  endTour(): void;
  helpOpen: boolean;
  openHelp(): void;
  closeHelp(): void;
}

export const ClassroomContext = createContext<ClassroomApi | null>(null);

export function useClassroom(): ClassroomApi {
  const api = useContext(ClassroomContext);
  if (!api) throw new Error('useClassroom needs a <ClassroomProvider> around the app');
  return api;
}
