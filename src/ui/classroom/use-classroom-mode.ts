import { useCallback, useEffect, useState } from 'react';
import { classroomFromUrl, withClassroomParam } from './classroom-url.ts';

/** Classroom mode on or off, read from the address at load and kept in it, and shown as a class on the root element. */
export function useClassroomMode(): [boolean, (on: boolean) => void] {
  const [classroom, setClassroomFlag] = useState(() => classroomFromUrl(window.location.href));

  // A class on the root element, so the palette variables and type sizes on :root change with it.
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('classroom', classroom);
    return () => root.classList.remove('classroom');
  }, [classroom]);

  const setClassroom = useCallback((on: boolean) => {
    setClassroomFlag(on);
    // Kept in the address so the link in the bar opens in the same mode.
    window.history.replaceState(window.history.state, '', withClassroomParam(window.location.href, on));
  }, []);

  return [classroom, setClassroom];
}
