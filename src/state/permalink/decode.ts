/**
 * Link fragment or state file → a valid ExperimentState plus notices, never a throw. Both start from the
 * defaults and go through the same path: entries → migrations → per-field reading against the schema
 * (clamping, per-field defaults) → the app's own rules → a final whole-state check with per-section fallback.
 */
import type { ExperimentState } from '../experiment.ts';
import { DEFAULT_STATE, experimentStateSchema, STATE_VERSION } from '../experiment.ts';
import { assembleNode } from './assemble.ts';
import type { RawValue } from './entries.ts';
import { fileValue, linkText } from './entries.ts';
import { canonicalKey, keyOf, PASSTHROUGH_KEYS, VERSION_KEY } from './keys.ts';
import { unescapeText } from './leaf-codec.ts';
import type { Entry, MigrationTable } from './migrations.ts';
import { migrate, MIGRATIONS } from './migrations.ts';
import type { LinkNotice } from './notices.ts';
import type { Node } from './schema-tree.ts';
import { buildTree } from './schema-tree.ts';
import { applyAppRules } from './semantics.ts';

export interface Decoded {
  state: ExperimentState;
  notices: LinkNotice[];
}

export interface DecodeOptions {
  migrations?: MigrationTable;
  /** The current version (tests of the migration mechanism pretend to be a later version). */
  currentVersion?: number;
}

const TREE = buildTree(experimentStateSchema);

/** Keys of the sections and sub-objects: a value given for one of these is misplaced, not unknown. */
function objectKeys(node: Node, path: string[], out: Set<string>): Set<string> {
  if (node.kind === 'leaf') return out;
  if (path.length > 0) out.add(keyOf(path));
  if (node.kind === 'object') for (const [name, child] of Object.entries(node.fields)) objectKeys(child, [...path, name], out);
  if (node.kind === 'union') for (const v of node.variants.values()) objectKeys(v.node, path, out);
  return out;
}
const OBJECT_KEYS = objectKeys(TREE, [], new Set());

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Reads the version entry and brings older entries up to date; notices for anything unusual. */
function resolveVersion(version: { given: boolean; text: string } | null, entries: Entry[], options: DecodeOptions, notices: LinkNotice[]): Entry[] {
  const current = options.currentVersion ?? STATE_VERSION;
  if (version === null) {
    if (entries.length > 0) notices.push({ key: VERSION_KEY, problem: `missing; read as version ${current}`, action: 'defaulted' });
    return entries;
  }
  const n = /^\d{1,6}$/.test(version.text) ? Number(version.text) : NaN;
  if (!Number.isInteger(n)) {
    notices.push({ key: VERSION_KEY, problem: `“${short(version.text)}” is not a version number; read as version ${current}`, action: 'defaulted' });
    return entries;
  }
  if (n > current) {
    notices.push({ key: VERSION_KEY, problem: `made by a newer version (${n}) of the app; read as version ${current}, as far as it goes`, action: 'ignored' });
    return entries;
  }
  if (n === current) return entries;
  const { entries: migrated, reached } = migrate(entries, n, current, options.migrations ?? MIGRATIONS);
  if (reached < current) notices.push({ key: VERSION_KEY, problem: `version ${n} cannot be brought up to date from version ${reached}; read as version ${current}, as far as it goes`, action: 'ignored' });
  return migrated;
}

/** Entries against the schema, then the app's rules, then the guarantee: the result always parses. */
function build(entries: Entry[], notices: LinkNotice[]): ExperimentState {
  const map = new Map<string, RawValue>();
  for (const e of entries) map.set(canonicalKey(e.key), e.raw);
  const used = new Set<string>();
  const assembled = assembleNode(TREE, [], DEFAULT_STATE, { entries: map, used, notices });
  for (const key of map.keys()) {
    if (used.has(key)) continue;
    const problem = OBJECT_KEYS.has(key) ? `is a group of settings; give its fields (${key}.…) instead` : 'unknown key';
    notices.push({ key, problem, action: 'ignored' });
  }
  const parsed = experimentStateSchema.safeParse(assembled);
  let state: ExperimentState = parsed.success ? parsed.data : sectionFallback(assembled, notices);
  state = applyAppRules(state, DEFAULT_STATE, notices);
  const final = experimentStateSchema.safeParse(state);
  if (final.success) return final.data;
  notices.push({ key: '(state)', problem: 'the state could not be made valid', action: 'defaulted' });
  return DEFAULT_STATE;
}

/** Whole sections that still fail (the per-field repair should prevent this) fall back to their defaults. */
function sectionFallback(assembled: unknown, notices: LinkNotice[]): ExperimentState {
  const candidate: Record<string, unknown> = { ...(assembled as Record<string, unknown>) };
  for (const [section, schema] of Object.entries(experimentStateSchema.shape)) {
    if (schema.safeParse(candidate[section]).success) continue;
    candidate[section] = DEFAULT_STATE[section as keyof ExperimentState];
    notices.push({ key: keyOf([section]), problem: 'this section is not valid as a whole', action: 'defaulted' });
  }
  const parsed = experimentStateSchema.safeParse(candidate);
  return parsed.success ? parsed.data : DEFAULT_STATE;
}

/** Splits `a=1&b=2` into entries; malformed keys, keys without values and duplicates get notices. */
function linkEntries(fragment: string, notices: LinkNotice[]): { version: { given: boolean; text: string } | null; entries: Entry[] } {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const last = new Map<string, { raw: string; count: number }>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const key = unescapeText(rawKey);
    if (key === null || key === '') {
      notices.push({ key: short(rawKey) || '(empty)', problem: key === null ? 'the key has a malformed % escape' : 'a value without a key', action: 'ignored' });
      continue;
    }
    if (PASSTHROUGH_KEYS.has(key)) continue;
    if (eq < 0) {
      notices.push({ key: short(key), problem: 'has no value (expected key=value)', action: 'ignored' });
      continue;
    }
    const canonical = key === VERSION_KEY ? key : canonicalKey(key);
    const prev = last.get(canonical);
    last.set(canonical, { raw: pair.slice(eq + 1), count: (prev?.count ?? 0) + 1 });
  }
  for (const [key, { count }] of last) {
    if (count > 1) notices.push({ key: short(key), problem: `given ${count} times; the last one is used`, action: 'ignored' });
  }
  const v = last.get(VERSION_KEY);
  last.delete(VERSION_KEY);
  const entries = [...last].map(([key, { raw }]) => ({ key, raw: linkText(raw) }));
  return { version: v ? { given: true, text: unescapeText(v.raw) ?? v.raw } : null, entries };
}

/** The fragment of a link (with or without the '#') → a valid state and what was wrong with the link. */
export function decodeFragment(fragment: string, options: DecodeOptions = {}): Decoded {
  const notices: LinkNotice[] = [];
  try {
    const { version, entries } = linkEntries(fragment, notices);
    const state = build(resolveVersion(version, entries, options, notices), notices);
    return { state, notices };
  } catch (e) {
    // Unreachable by design; kept so that no input can ever take the page down.
    notices.push({ key: '(link)', problem: `could not be read: ${e instanceof Error ? e.message : String(e)}`, action: 'ignored' });
    return { state: DEFAULT_STATE, notices };
  }
}

/** A JSON value → dotted-key entries (objects are followed, everything else is a value). */
function flatten(value: unknown, path: string[], out: Entry[]): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out);
  } else {
    out.push({ key: keyOf(path), raw: fileValue(value) });
  }
}

/** A state file's text (what "Save state" writes, what `cli train --config` reads) → a valid state and notices. */
export function decodeStateFile(text: string, options: DecodeOptions = {}): Decoded {
  const notices: LinkNotice[] = [];
  try {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      notices.push({ key: '(file)', problem: `not JSON: ${e instanceof Error ? e.message : String(e)}`, action: 'ignored' });
      return { state: DEFAULT_STATE, notices };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      notices.push({ key: '(file)', problem: 'not a state object', action: 'ignored' });
      return { state: DEFAULT_STATE, notices };
    }
    const { version, ...rest } = json as Record<string, unknown>;
    const entries: Entry[] = [];
    flatten(rest, [], entries);
    const given = version === undefined ? null : { given: true, text: typeof version === 'number' ? String(version) : JSON.stringify(version) ?? '' };
    const state = build(resolveVersion(given, entries, options, notices), notices);
    return { state, notices };
  } catch (e) {
    notices.push({ key: '(file)', problem: `could not be read: ${e instanceof Error ? e.message : String(e)}`, action: 'ignored' });
    return { state: DEFAULT_STATE, notices };
  }
}
