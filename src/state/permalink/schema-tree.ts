/**
 * The experiment-state schema seen as a tree of link keys. Everything here is read from the zod schema
 * itself (through ../schema-bounds.ts, which reads zod 4's `schema._zod.def` and is pinned by a test), so a
 * field added to the schema gets a link key, bounds and validation without touching this folder.
 */
import { defOf, lengthBounds, numberBounds, unwrap } from '../schema-bounds.ts';
import type { NumberBounds, Schema } from '../schema-bounds.ts';

export { numberBounds };
export type { NumberBounds };

/** What a leaf holds; decides how its value is written in a link and read back. */
export type LeafKind =
  | { type: 'number'; bounds: NumberBounds }
  | { type: 'boolean' }
  | { type: 'string'; maxLength: number }
  | { type: 'enum'; options: readonly (string | number)[] }
  | { type: 'literal'; values: readonly unknown[] }
  | { type: 'array'; element: Leaf; maxLength: number; minLength: number }
  /** A list of flat objects (points): rows split by ';', fields by ',' in schema order. */
  | { type: 'rows'; schema: Schema; fields: readonly (readonly [string, Leaf])[]; maxLength: number; minLength: number }
  | { type: 'nullable'; inner: Leaf }
  | { type: 'json' };

export interface Leaf {
  kind: 'leaf';
  schema: Schema;
  value: LeafKind;
}

export interface ObjectNode {
  kind: 'object';
  schema: Schema;
  fields: Record<string, Node>;
}

/** A discriminated union of objects: one key picks the variant, the variant's fields follow. */
export interface UnionNode {
  kind: 'union';
  schema: Schema;
  discriminator: string;
  /** Variant objects by the text of their discriminator value. */
  variants: Map<string, { tag: unknown; node: ObjectNode }>;
}

/** An object (or union) that may be null: `key=null`, or its fields as usual. */
export interface NullableNode {
  kind: 'nullable';
  schema: Schema;
  inner: ObjectNode | UnionNode;
}

export type Node = Leaf | ObjectNode | UnionNode | NullableNode;

function leaf(schema: Schema, value: LeafKind): Leaf {
  return { kind: 'leaf', schema, value };
}

function leafKind(schema: Schema): LeafKind {
  const s = unwrap(schema);
  const def = defOf(s);
  switch (def.type) {
    case 'number':
      return { type: 'number', bounds: numberBounds(s) };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string', maxLength: lengthBounds(s).max };
    case 'enum':
      return { type: 'enum', options: Object.values(def.entries ?? {}) };
    case 'literal':
      return { type: 'literal', values: def.values ?? [] };
    case 'nullable':
    case 'optional': {
      const inner = leafKind(def.innerType as Schema);
      return inner.type === 'json' ? inner : { type: 'nullable', inner: leaf(def.innerType as Schema, inner) };
    }
    case 'array': {
      const elementSchema = unwrap(def.element as Schema);
      const { min, max } = lengthBounds(s);
      const rows = flatObjectFields(elementSchema);
      if (rows) return { type: 'rows', schema: elementSchema, fields: rows, minLength: min, maxLength: max };
      const element = leafKind(elementSchema);
      // Arrays of scalars are written compactly (`32,32,32`); anything deeper is written as JSON.
      const scalar = isScalar(element);
      return scalar ? { type: 'array', element: leaf(elementSchema, element), minLength: min, maxLength: max } : { type: 'json' };
    }
    default:
      return { type: 'json' };
  }
}

function isScalar(kind: LeafKind): boolean {
  return kind.type === 'number' || kind.type === 'boolean' || kind.type === 'string' || kind.type === 'enum' || kind.type === 'literal';
}

/** The fields of an object whose fields are all scalars, in schema order; null for anything else. */
function flatObjectFields(schema: Schema): (readonly [string, Leaf])[] | null {
  if (defOf(schema).type !== 'object') return null;
  const fields = Object.entries(defOf(schema).shape ?? {}).map(([name, f]) => [name, leaf(unwrap(f), leafKind(f))] as const);
  return fields.length > 0 && fields.every(([, l]) => isScalar(l.value)) ? fields : null;
}

function objectNode(schema: Schema): ObjectNode {
  const fields: Record<string, Node> = {};
  for (const [name, child] of Object.entries(defOf(schema).shape ?? {})) fields[name] = buildTree(child);
  return { kind: 'object', schema, fields };
}

/** A union whose options are all objects sharing a literal discriminator (zod 4's discriminatedUnion). */
function unionNode(schema: Schema): UnionNode | null {
  const def = defOf(schema);
  const key = def.discriminator;
  if (!key || !def.options) return null;
  const variants = new Map<string, { tag: unknown; node: ObjectNode }>();
  for (const option of def.options) {
    const o = unwrap(option);
    const tagSchema = defOf(o).shape?.[key];
    const tags = tagSchema ? defOf(unwrap(tagSchema)).values : undefined;
    if (defOf(o).type !== 'object' || !tags || tags.length !== 1) return null;
    variants.set(String(tags[0]), { tag: tags[0], node: objectNode(o) });
  }
  return { kind: 'union', schema, discriminator: key, variants };
}

export function buildTree(schema: Schema): Node {
  const s = unwrap(schema);
  const type = defOf(s).type;
  if (type === 'object') return objectNode(s);
  if (type === 'union') {
    const u = unionNode(s);
    if (u) return u;
  }
  if (type === 'nullable') {
    const inner = buildTree(defOf(s).innerType as Schema);
    if (inner.kind === 'object' || inner.kind === 'union') return { kind: 'nullable', schema: s, inner };
  }
  return leaf(s, leafKind(s));
}
