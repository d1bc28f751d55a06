/**
 * Whether a file given to "Load state" is a state file at all, before anything is applied. A file that is not
 * one (not JSON, JSON that is not an object, an object with none of the state's sections) changes nothing and
 * says why; a state file with some bad values is applied as a link is, with a notice per value not used.
 * The decoder alone falls back to the default state for a non-JSON file, which wiped every setting while the
 * notice spoke of one ignored item.
 */
import { experimentStateSchema } from '../../state/experiment.ts';
import { SECTION_ALIASES } from '../../state/permalink/keys.ts';

export type StateFileCheck = { ok: true } | { ok: false; reason: string };

/** The state's top-level keys (version and the sections), by their names and their link aliases. */
const KNOWN_KEYS: ReadonlySet<string> = new Set([...Object.keys(experimentStateSchema.shape), ...Object.values(SECTION_ALIASES)]);

export function checkStateFile(text: string): StateFileCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON (a state file is what “Save state” writes)' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'it is JSON but not an object of settings' };
  const keys = Object.keys(json);
  if (!keys.some((k) => KNOWN_KEYS.has(k))) {
    const shown = keys.slice(0, 3).join(', ');
    return { ok: false, reason: keys.length ? `it has none of the state's sections (found ${shown}${keys.length > 3 ? ', …' : ''})` : 'it is an empty object' };
  }
  return { ok: true };
}
