/**
 * Link keys: the dotted path of a field in the state, with short names for the top-level sections so
 * links stay short and readable (`l1.sigma`, `tr.optimizer.kind`). A section without an alias (one added
 * later) simply uses its own name; the long names are accepted when reading too.
 */
export const SECTION_ALIASES: Readonly<Record<string, string>> = {
  landscape1d: 'l1',
  landscape2d: 'l2',
  msigma: 'ms',
  training: 'tr',
  experiment: 'ex',
  minimisers: 'mn',
};

// Maps, not object lookups: a key like `constructor.x` from a link must not find Object.prototype members.
const ALIAS_OF = new Map(Object.entries(SECTION_ALIASES));

/** The key under which the state version is written in a link (`version` in a state file). */
export const VERSION_KEY = 'v';

export function keyOf(path: readonly string[]): string {
  const [section, ...rest] = path;
  return [ALIAS_OF.get(section) ?? section, ...rest].join('.');
}

/** `landscape1d.sigma` and `l1.sigma` are the same key; the alias is the canonical spelling. */
export function canonicalKey(key: string): string {
  const dot = key.indexOf('.');
  const section = dot < 0 ? key : key.slice(0, dot);
  const alias = ALIAS_OF.get(section);
  return alias === undefined ? key : alias + (dot < 0 ? '' : key.slice(dot));
}

/**
 * Link parameters that belong to the page, not to the experiment state: classroom mode
 * (`&classroom=1`) and the tour's slow pace (`&pace=slow`), both src/ui/classroom/classroom-url.ts. They are read past without a notice and kept when
 * the state part of the link is rewritten.
 */
export const PASSTHROUGH_KEYS: ReadonlySet<string> = new Set(['classroom', 'pace']);
