/**
 * Classroom mode as a link parameter: `#…&classroom=1` (beside a permalink's state in the fragment)
 * or `?classroom=1`, so a teacher can hand out one link that opens in classroom mode; and the tour's
 * playback pace, `&pace=slow` (absent: normal), so the link also opens at the pace the class is used to.
 */
import type { Pace } from '../kit/pace.ts';

export const CLASSROOM_PARAM = 'classroom';
export const PACE_PARAM = 'pace';

const ON = new Set(['1', 'true', 'yes', 'on', '']);

function hashParams(hash: string): URLSearchParams {
  const h = hash.replace(/^#/, '');
  // A hash may be a bare query ('#classroom=1') or a path with one ('#/x?classroom=1').
  const q = h.includes('?') ? h.slice(h.indexOf('?') + 1) : h;
  return new URLSearchParams(q);
}

/** Whether the URL asks for classroom mode (present and not 0/false/no/off). */
export function classroomFromUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  for (const params of [url.searchParams, hashParams(url.hash)]) {
    const v = params.get(CLASSROOM_PARAM);
    if (v !== null) return ON.has(v.trim().toLowerCase());
  }
  return false;
}

/** The tour's pace the URL asks for: `pace=slow` (query or fragment), anything else normal. */
export function paceFromUrl(href: string): Pace {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'normal';
  }
  for (const params of [url.searchParams, hashParams(url.hash)]) {
    const v = params.get(PACE_PARAM);
    if (v !== null) return v.trim().toLowerCase() === 'slow' ? 'slow' : 'normal';
  }
  return 'normal';
}

/**
 * The same URL with a page parameter set (or removed, for null) at the end of the fragment, where the
 * permalink code keeps page parameters (PASSTHROUGH_KEYS in src/state/permalink/keys.ts) when it rewrites
 * the state; the same parameter in the query is removed either way so the two places never disagree.
 */
function withPageParam(href: string, name: string, value: string | null): string {
  const url = new URL(href);
  // Only touched when present: deleting re-serialises the query, which could re-encode other parameters.
  if (url.searchParams.has(name)) url.searchParams.delete(name);
  const pairs = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== name);
  if (value !== null) pairs.push(`${name}=${value}`);
  url.hash = pairs.join('&');
  return url.toString();
}

/** The same URL with classroom mode on (`classroom=1`) or off. */
export function withClassroomParam(href: string, on: boolean): string {
  return withPageParam(href, CLASSROOM_PARAM, on ? '1' : null);
}

/** The same URL with the tour's pace: `pace=slow`, or no parameter for normal. */
export function withPaceParam(href: string, pace: Pace): string {
  return withPageParam(href, PACE_PARAM, pace === 'slow' ? 'slow' : null);
}
