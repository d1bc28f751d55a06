/**
 * Old links keep working: each migration rewrites the key/value entries of version `from` into those of
 * version `from + 1`, before the entries are read against the current schema. Version 1 is the first
 * version, so the table is empty; the mechanism is tested with a made-up version 0.
 */
import type { RawValue } from './entries.ts';

export interface Entry {
  key: string;
  raw: RawValue;
}

export type Migration = (entries: readonly Entry[]) => Entry[];

/** Migration from version `n` to `n + 1`, by `n`. */
export type MigrationTable = Readonly<Record<number, Migration>>;

export const MIGRATIONS: MigrationTable = {};

/** A migration that only renames keys, the common case. */
export function renameKeys(renames: Readonly<Record<string, string>>): Migration {
  return (entries) => entries.map((e) => (e.key in renames ? { ...e, key: renames[e.key] } : e));
}

/**
 * Applies the migrations from `version` up to `target`; returns how far it got (a missing step leaves
 * the entries as they are, to be read as well as they can be).
 */
export function migrate(entries: readonly Entry[], version: number, target: number, table: MigrationTable): { entries: Entry[]; reached: number } {
  let current = [...entries];
  let v = version;
  while (v < target) {
    const step = table[v];
    if (!step) break;
    current = step(current);
    v++;
  }
  return { entries: current, reached: v };
}
