/**
 * Classroom mode as a link parameter: `#…&classroom=1` (beside a permalink's state in the fragment)
 * or `?classroom=1`, so a teacher can hand out one link that opens in classroom mode.
 */
export const CLASSROOM_PARAM = 'classroom';

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

/**
 * The same URL with classroom mode on or off. It is written as `&classroom=1` at the end of the
 * fragment, where the permalink code keeps page parameters (PASSTHROUGH_KEYS in
 * src/state/permalink/keys.ts) when it rewrites the state; a `?classroom` in the query is removed
 * either way so the two places never disagree.
 */
export function withClassroomParam(href: string, on: boolean): string {
  const url = new URL(href);
  // Only touched when present: deleting re-serialises the query, which could re-encode other parameters.
  if (url.searchParams.has(CLASSROOM_PARAM)) url.searchParams.delete(CLASSROOM_PARAM);
  const pairs = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== CLASSROOM_PARAM);
  if (on) pairs.push(`${CLASSROOM_PARAM}=1`);
  url.hash = pairs.join('&');
  return url.toString();
}
