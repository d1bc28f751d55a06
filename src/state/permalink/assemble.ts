/**
 * Builds a state from key/value entries by walking the schema tree: every field takes its entry when the
 * entry is valid (numbers clamped into range), and its default otherwise, with a notice saying why.
 * Objects are then checked as a whole (cross-field rules such as from < to); a failing object gets the
 * fields the input changed put back to their defaults, one at a time, until it passes.
 */
import type { z } from 'zod';
import type { RawValue } from './entries.ts';
import { keyOf } from './keys.ts';
import type { Read } from './leaf-codec.ts';
import { coerceLeaf, parseLeafText, unescapeText } from './leaf-codec.ts';
import type { LinkNotice } from './notices.ts';
import type { Leaf, Node, NullableNode, ObjectNode, UnionNode } from './schema-tree.ts';

export interface AssembleContext {
  entries: Map<string, RawValue>;
  used: Set<string>;
  notices: LinkNotice[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of plain JSON-like values, with Object.is for numbers (so -0 and 0 differ). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

function validate(schema: z.core.$ZodType, value: unknown): { ok: true; value: unknown } | { ok: false; issues: readonly { message: string; path?: readonly PropertyKey[] | readonly unknown[] }[] } {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) return { ok: false, issues: [{ message: 'cannot be checked synchronously' }] };
  return result.issues ? { ok: false, issues: result.issues } : { ok: true, value: (result as { value: unknown }).value };
}

/** A state-file value for a field written as one JSON leaf may arrive split into sub-keys; put it back together. */
function gatherSubEntries(key: string, ctx: AssembleContext): RawValue | undefined {
  const prefix = `${key}.`;
  let found: Obj | undefined;
  for (const [k, raw] of ctx.entries) {
    if (!k.startsWith(prefix) || raw.source !== 'file') continue;
    found ??= {};
    ctx.used.add(k);
    const parts = k.slice(prefix.length).split('.');
    let target = found;
    parts.slice(0, -1).forEach((p) => {
      if (!isObj(target[p])) Object.defineProperty(target, p, { value: {}, enumerable: true, writable: true, configurable: true });
      target = target[p] as Obj;
    });
    Object.defineProperty(target, parts[parts.length - 1], { value: raw.value, enumerable: true, writable: true, configurable: true });
  }
  return found === undefined ? undefined : { source: 'file', value: found };
}

function readLeaf(leaf: Leaf, raw: RawValue): Read {
  const typed = raw.source === 'link' ? parseLeafText(leaf, raw.text) : { ok: true as const, value: raw.value };
  if (!typed.ok) return typed;
  const valid = coerceLeaf(leaf, typed.value);
  if (!valid.ok || !typed.adjusted) return valid;
  return { ...valid, adjusted: [typed.adjusted, valid.adjusted].filter(Boolean).join('; ') };
}

function assembleLeaf(leaf: Leaf, path: string[], fallback: unknown, ctx: AssembleContext): unknown {
  const key = keyOf(path);
  let raw = ctx.entries.get(key);
  if (raw !== undefined) ctx.used.add(key);
  else if (leaf.value.type === 'json') raw = gatherSubEntries(key, ctx);
  if (raw === undefined) return fallback;
  const read = readLeaf(leaf, raw);
  if (read.ok) {
    if (read.adjusted) ctx.notices.push({ key, problem: read.adjusted, action: 'clamped' });
    return read.value;
  }
  ctx.notices.push({ key, problem: read.problem, action: 'defaulted' });
  return fallback;
}

/** Puts input-changed fields back to their defaults (those the issues name first) until the object is valid. */
function repairObject(node: ObjectNode, path: string[], value: Obj, fallback: Obj | undefined, issues: readonly { message: string; path?: readonly unknown[] }[], ctx: AssembleContext): unknown {
  const message = issues[0]?.message ?? 'invalid';
  if (fallback === undefined) return undefined;
  const named = issues.map((i) => String(i.path?.[0] ?? '')).filter((n) => n in node.fields);
  const changed = Object.keys(node.fields).filter((n) => !sameValue(value[n], fallback[n]));
  const order = [...named.filter((n) => changed.includes(n)), ...changed.filter((n) => !named.includes(n)).reverse()];
  const current: Obj = { ...value };
  for (const name of order) {
    current[name] = fallback[name];
    ctx.notices.push({ key: keyOf([...path, name]), problem: message, action: 'defaulted' });
    const checked = validate(node.schema, current);
    if (checked.ok) return checked.value;
  }
  ctx.notices.push({ key: keyOf(path), problem: message, action: 'defaulted' });
  return fallback;
}

function assembleObject(node: ObjectNode, path: string[], fallback: unknown, ctx: AssembleContext): unknown {
  const base = isObj(fallback) ? fallback : undefined;
  const value: Obj = {};
  for (const [name, child] of Object.entries(node.fields)) {
    const v = assembleNode(child, [...path, name], base?.[name], ctx);
    if (v === undefined && !(base && Object.hasOwn(base, name))) return undefined;
    value[name] = v;
  }
  const checked = validate(node.schema, value);
  return checked.ok ? checked.value : repairObject(node, path, value, base, checked.issues, ctx);
}

function takeEntry(key: string, ctx: AssembleContext): RawValue | undefined {
  const raw = ctx.entries.get(key);
  if (raw !== undefined) ctx.used.add(key);
  return raw;
}

function assembleUnion(node: UnionNode, path: string[], fallback: unknown, ctx: AssembleContext): unknown {
  const base = isObj(fallback) ? fallback : undefined;
  const tagKey = keyOf([...path, node.discriminator]);
  const names = [...node.variants.keys()];
  const fallbackName = base ? String(base[node.discriminator]) : undefined;
  let name = fallbackName;
  const raw = takeEntry(tagKey, ctx);
  if (raw !== undefined) {
    const given = raw.source === 'link' ? (unescapeText(raw.text) ?? raw.text) : raw.value;
    const match = names.find((n) => (raw.source === 'link' ? n === given : node.variants.get(n)?.tag === given));
    if (match !== undefined) name = match;
    else ctx.notices.push({ key: tagKey, problem: `“${String(given)}” is not one of ${names.join(', ')}`, action: 'defaulted' });
  }
  const variant = name === undefined ? undefined : node.variants.get(name);
  if (!variant) return fallback;
  const sameVariant = name === fallbackName;
  // The tag is settled here; the variant's own literal field must not read the entry a second time.
  const variantFallback: Obj = sameVariant && base ? base : { [node.discriminator]: variant.tag };
  const own = new Set(Object.keys(variant.node.fields));
  for (const other of node.variants.values()) {
    for (const field of Object.keys(other.node.fields)) {
      const key = keyOf([...path, field]);
      if (!own.has(field) && takeEntry(key, ctx) !== undefined) ctx.notices.push({ key, problem: `only used when ${tagKey} is ${String(other.tag)}`, action: 'ignored' });
    }
  }
  const withoutTag = new Map(ctx.entries);
  withoutTag.delete(tagKey);
  const value = assembleObject(variant.node, path, variantFallback, { ...ctx, entries: withoutTag });
  if (value !== undefined) return value;
  const needed = Object.keys(variant.node.fields).filter((f) => !Object.hasOwn(variantFallback, f));
  ctx.notices.push({ key: tagKey, problem: `${String(variant.tag)} needs a valid ${needed.map((f) => keyOf([...path, f])).join(', ')}`, action: 'defaulted' });
  return fallback;
}

/** `key=null` (or null in a file) gives null; any `key.field` entries give the object; neither keeps the default. */
function assembleNullable(node: NullableNode, path: string[], fallback: unknown, ctx: AssembleContext): unknown {
  const key = keyOf(path);
  const raw = takeEntry(key, ctx);
  const subKeys = [...ctx.entries.keys()].filter((k) => k.startsWith(`${key}.`));
  if (raw !== undefined) {
    const isNull = raw.source === 'link' ? raw.text === 'null' : raw.value === null;
    if (isNull) {
      for (const k of subKeys) {
        ctx.used.add(k);
        ctx.notices.push({ key: k, problem: `not used, since ${key} is null`, action: 'ignored' });
      }
      return null;
    }
    ctx.notices.push({ key, problem: `expected null or ${key}.… fields`, action: 'defaulted' });
  }
  if (subKeys.length === 0) return fallback;
  const value = assembleNode(node.inner, path, fallback ?? undefined, ctx);
  if (value !== undefined) return value;
  ctx.notices.push({ key, problem: 'some of its fields are missing or invalid', action: 'defaulted' });
  return fallback;
}

export function assembleNode(node: Node, path: string[], fallback: unknown, ctx: AssembleContext): unknown {
  switch (node.kind) {
    case 'leaf':
      return assembleLeaf(node, path, fallback, ctx);
    case 'object':
      return assembleObject(node, path, fallback, ctx);
    case 'union':
      return assembleUnion(node, path, fallback, ctx);
    case 'nullable':
      return assembleNullable(node, path, fallback, ctx);
  }
}
