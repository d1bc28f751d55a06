import { useEffect, useRef, useState } from 'react';

/**
 * Whether an element has come near the viewport yet (latched: once true, it stays true). Panels far down
 * the page start their long computations only then, so a page load does not spend seconds of CPU on
 * figures nobody has scrolled to (the minimiser path alone took ~10 s of a 2-core machine at every load).
 * `margin` is how far ahead of the viewport counts as near, so the work usually starts before the panel shows.
 * Without IntersectionObserver (server rendering, jsdom) everything counts as seen.
 */
export function useSeenOnce<T extends Element>(margin = '200px 0px') {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen, margin]);
  return [ref, seen] as const;
}
