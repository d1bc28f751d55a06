/**
 * One leaf of the state in a link: how its value is written (`0.5`, `bsam`, `32,32,32`, URL-escaped text)
 * and how a written value, or a value from a state file, is read back and made valid. Reading never throws:
 * it returns the value to use, or a problem saying why the default must be used instead.
 */
import type { Leaf, LeafKind, NumberBounds } from './schema-tree.ts';

export type Action = 'ignored' | 'clamped' | 'defaulted';

/** A value that was read: valid as is, valid after adjusting (with the reason), or unusable. */
export type Read = { ok: true; value: unknown; adjusted?: string } | { ok: false; problem: string };

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NULL_TOKEN = 'null';
/** The string "null" in a nullable string field, escaped so it cannot be read as null. */
const ESCAPED_NULL_STRING = '%6Eull';

/** Shortest text that reads back to exactly the same double (ECMAScript's Number→String is shortest). */
export function formatNumber(x: number): string {
  if (Object.is(x, -0)) return '-0';
  // "1e+21": a '+' may be read as a space by form decoders, and the exponent sign is optional anyway.
  return String(x).replace('e+', 'e');
}

/** Percent-escape for a value: readable for maths (`*`, `(`, `)`, `/`, `:` stay as they are). */
export function escapeText(text: string): string {
  // encodeURIComponent throws on a lone surrogate; one can only come from a broken string, so it becomes U+FFFD.
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/%2F/g, '/').replace(/%3A/g, ':');
}

/** decodeURIComponent without the throw: malformed escapes (a lone `%`, `%C3%28`) give null. */
export function unescapeText(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const quote = (text: string) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** The link text of a leaf's value (already escaped). */
export function formatLeaf(leaf: Leaf, value: unknown): string {
  return formatKind(leaf.value, value);
}

function formatKind(kind: LeafKind, value: unknown): string {
  switch (kind.type) {
    case 'number':
      return formatNumber(value as number);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return escapeText(value as string);
    case 'enum':
    case 'literal':
      return escapeText(String(value));
    case 'nullable':
      if (value === null || value === undefined) return NULL_TOKEN;
      return kind.inner.value.type === 'string' && value === NULL_TOKEN ? ESCAPED_NULL_STRING : formatKind(kind.inner.value, value);
    case 'array':
      // Scalars never contain a raw ',' once escaped, so the list splits back unambiguously.
      return (value as unknown[]).map((v) => formatKind(kind.element.value, v).replace(/,/g, '%2C')).join(',');
    case 'rows':
      // escapeText turns ',' and ';' inside a value into %2C and %3B, so rows and fields split back exactly.
      return (value as Record<string, unknown>[]).map((row) => kind.fields.map(([name, f]) => formatKind(f.value, row[name])).join(',')).join(';');
    case 'json':
      return escapeText(JSON.stringify(value) ?? NULL_TOKEN);
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading link text into a typed (not yet validated) value

/** Link text (still escaped) → a typed value, or the reason it has none. */
export function parseLeafText(leaf: Leaf, raw: string): Read {
  return parseKind(leaf.value, raw);
}

function parseKind(kind: LeafKind, raw: string): Read {
  if (kind.type === 'array') {
    if (raw === '') return { ok: true, value: [] };
    return collect(raw.split(',').map((part) => parseKind(kind.element.value, part)));
  }
  if (kind.type === 'rows') {
    if (raw === '') return { ok: true, value: [] };
    return collect(raw.split(';').map((row) => parseRow(kind, row)));
  }
  if (kind.type === 'nullable') {
    if (raw === NULL_TOKEN) return { ok: true, value: null };
    return parseKind(kind.inner.value, raw);
  }
  const text = unescapeText(raw);
  if (text === null) return { ok: false, problem: `${quote(raw)} has a malformed % escape (not valid UTF-8)` };
  switch (kind.type) {
    case 'number': {
      const t = text.trim();
      if (!NUMBER_RE.test(t)) return { ok: false, problem: `${quote(text)} is not a number` };
      return { ok: true, value: Number(t) };
    }
    case 'boolean':
      if (text === 'true' || text === '1') return { ok: true, value: true };
      if (text === 'false' || text === '0') return { ok: true, value: false };
      return { ok: false, problem: `${quote(text)} is not true or false` };
    case 'enum': {
      const found = kind.options.find((o) => String(o) === text);
      return found !== undefined ? { ok: true, value: found } : { ok: false, problem: `${quote(text)} is not one of ${kind.options.join(', ')}` };
    }
    case 'literal': {
      const found = kind.values.find((o) => String(o) === text);
      return found !== undefined ? { ok: true, value: found } : { ok: false, problem: `${quote(text)} must be ${kind.values.join(' or ')}` };
    }
    case 'string':
      return { ok: true, value: text };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, problem: `${quote(text)} is not valid JSON` };
      }
  }
}

function parseRow(kind: Extract<LeafKind, { type: 'rows' }>, row: string): Read {
  const cells = row.split(',');
  const names = kind.fields.map(([name]) => name);
  if (cells.length !== names.length) return { ok: false, problem: `has ${cells.length} values, expected ${names.join(',')}` };
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const cell = parseKind(kind.fields[i][1].value, cells[i]);
    if (!cell.ok) return { ok: false, problem: `${names[i]}: ${cell.problem}` };
    out[names[i]] = cell.value;
  }
  return { ok: true, value: out };
}

const MAX_ITEM_NOTES = 3;

/** Array elements that could not be read are dropped (with the reason); the rest are kept in order. */
function collect(parts: Read[]): Read {
  const values: unknown[] = [];
  const notes: string[] = [];
  parts.forEach((p, i) => {
    if (p.ok) values.push(p.value);
    if (!p.ok) notes.push(`dropped item ${i + 1}: ${p.problem}`);
    else if (p.adjusted) notes.push(`item ${i + 1}: ${p.adjusted}`);
  });
  // A list of thousands of bad points must not make a notice of thousands of lines.
  const shown = notes.length > MAX_ITEM_NOTES ? [...notes.slice(0, MAX_ITEM_NOTES), `${notes.length - MAX_ITEM_NOTES} more`] : notes;
  if (values.length === 0 && parts.length > 0) return { ok: false, problem: shown.join('; ') };
  return notes.length ? { ok: true, value: values, adjusted: shown.join('; ') } : { ok: true, value: values };
}

// ---------------------------------------------------------------------------------------------------
// Making a typed value valid: clamping numbers into the schema's range, then the schema's own check

/** How a number is quoted in a notice ("1e999" reads as Infinity, which would confuse). */
function quoteNumber(x: number): string {
  return Number.isFinite(x) ? formatNumber(x) : `a number too ${x > 0 ? 'large' : 'negative'} to represent`;
}

function clampNumber(x: number, b: NumberBounds): Read {
  if (Number.isNaN(x)) return { ok: false, problem: 'NaN is not a number' };
  let v = x;
  const notes: string[] = [];
  if (b.integer && Number.isFinite(v) && !Number.isInteger(v)) {
    v = Math.round(v);
    notes.push(`rounded ${quoteNumber(x)} to the whole number ${formatNumber(v)}`);
  }
  // An exclusive bound cannot be clamped onto; such values fall back to the default instead.
  if (v < b.min || (v === b.min && b.minExclusive)) {
    if (b.minExclusive) return { ok: false, problem: `${quoteNumber(x)} must be greater than ${formatNumber(b.min)}` };
    notes.push(`${quoteNumber(x)} is below the minimum ${formatNumber(b.min)}`);
    v = b.min;
  }
  if (v > b.max || (v === b.max && b.maxExclusive)) {
    if (b.maxExclusive) return { ok: false, problem: `${quoteNumber(x)} must be less than ${formatNumber(b.max)}` };
    notes.push(`${quoteNumber(x)} is above the maximum ${formatNumber(b.max)}`);
    v = b.max;
  }
  if (!Number.isFinite(v)) return { ok: false, problem: `${quoteNumber(x)} is not a finite number` };
  return notes.length ? { ok: true, value: v, adjusted: notes.join('; ') } : { ok: true, value: v };
}

function coerceKind(leaf: Leaf, value: unknown): Read {
  const kind = leaf.value;
  if (kind.type === 'number') {
    if (typeof value !== 'number') return { ok: false, problem: `expected a number, got ${describeType(value)}` };
    return clampNumber(value, kind.bounds);
  }
  if (kind.type === 'nullable') return value === null || value === undefined ? { ok: true, value } : coerceKind(kind.inner, value);
  if (kind.type === 'array' || kind.type === 'rows') {
    if (!Array.isArray(value)) return { ok: false, problem: `expected a list, got ${describeType(value)}` };
    const read = collect(value.map((v) => (kind.type === 'rows' ? coerceRow(kind, v) : coerceLeaf(kind.element, v))));
    if (!read.ok) return read;
    const notes = read.adjusted ? [read.adjusted] : [];
    let items = read.value as unknown[];
    if (items.length > kind.maxLength) {
      notes.push(`kept the first ${kind.maxLength} of ${items.length} items`);
      items = items.slice(0, kind.maxLength);
    }
    if (items.length < kind.minLength) return { ok: false, problem: `needs at least ${kind.minLength} items` };
    return notes.length ? { ok: true, value: items, adjusted: notes.join('; ') } : { ok: true, value: items };
  }
  return { ok: true, value };
}

/** One row of a list of flat objects: each field clamped like a leaf, then the row's own schema check. */
function coerceRow(kind: Extract<LeafKind, { type: 'rows' }>, value: unknown): Read {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: `expected an object, got ${describeType(value)}` };
  const out: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const [name, f] of kind.fields) {
    const cell = coerceLeaf(f, (value as Record<string, unknown>)[name]);
    if (!cell.ok) return { ok: false, problem: `${name}: ${cell.problem}` };
    if (cell.adjusted) notes.push(`${name}: ${cell.adjusted}`);
    out[name] = cell.value;
  }
  const checked = kind.schema['~standard'].validate(out);
  if (checked instanceof Promise || checked.issues) return { ok: false, problem: checked instanceof Promise ? 'cannot be checked' : (checked.issues[0]?.message ?? 'invalid') };
  return notes.length ? { ok: true, value: out, adjusted: notes.join('; ') } : { ok: true, value: out };
}

/** A typed value → the valid value to use (possibly clamped, with why), or the reason to use the default. */
export function coerceLeaf(leaf: Leaf, value: unknown): Read {
  const read = coerceKind(leaf, value);
  if (!read.ok) return read;
  const checked = leaf.schema['~standard'].validate(read.value);
  if (checked instanceof Promise) return { ok: false, problem: 'cannot be checked synchronously' };
  if (checked.issues) return { ok: false, problem: checked.issues[0]?.message ?? 'invalid' };
  return { ok: true, value: (checked as { value: unknown }).value, adjusted: read.adjusted };
}
