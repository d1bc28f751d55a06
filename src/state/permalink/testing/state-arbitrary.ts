/**
 * A fast-check arbitrary of schema-valid values built by walking the same schema tree the permalink code
 * walks, so a field added to the schema is covered by the round-trip tests without editing them. Fields
 * whose schema type says too little (a preset id must exist, a loss must compile) take arbitraries by key.
 */
import fc from 'fast-check';
import { keyOf } from '../keys.ts';
import type { Leaf, LeafKind, Node, NumberBounds } from '../schema-tree.ts';

export type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const INT32 = 2 ** 31;

function numberArbitrary(b: NumberBounds): fc.Arbitrary<number> {
  if (b.integer) {
    const min = Math.ceil(b.min + (b.minExclusive ? 1 : 0));
    const max = Math.floor(b.max - (b.maxExclusive ? 1 : 0));
    if (min >= -INT32 && max < INT32) return fc.integer({ min, max });
    return fc.maxSafeInteger().filter((n) => n >= min && n <= max);
  }
  return fc.double({
    min: Number.isFinite(b.min) ? b.min : -Number.MAX_VALUE,
    max: Number.isFinite(b.max) ? b.max : Number.MAX_VALUE,
    minExcluded: b.minExclusive,
    maxExcluded: b.maxExclusive,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

function kindArbitrary(kind: LeafKind, fallback: unknown): fc.Arbitrary<unknown> {
  switch (kind.type) {
    case 'number':
      return numberArbitrary(kind.bounds);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({ unit: 'grapheme', maxLength: Math.min(kind.maxLength, 60) });
    case 'enum':
      return fc.constantFrom(...kind.options);
    case 'literal':
      return fc.constantFrom(...kind.values);
    case 'array':
      return fc.array(kindArbitrary(kind.element.value, undefined), { minLength: kind.minLength, maxLength: Math.min(kind.maxLength, 8) });
    case 'rows':
      return fc.array(fc.record(Object.fromEntries(kind.fields.map(([name, f]) => [name, kindArbitrary(f.value, undefined)]))), { minLength: kind.minLength, maxLength: Math.min(kind.maxLength, 6) });
    case 'nullable':
      return fc.option(kindArbitrary(kind.inner.value, undefined), { nil: null });
    case 'json':
      // Nothing generic is known about its shape: the default is the one value sure to be valid.
      return fc.constant(fallback);
  }
}

function leafArbitrary(leaf: Leaf, fallback: unknown): fc.Arbitrary<unknown> {
  const any = kindArbitrary(leaf.value, fallback);
  // Often the default, so links also omit keys; the default must survive the trip too.
  return fallback === undefined ? any : fc.oneof({ weight: 1, arbitrary: fc.constant(fallback) }, { weight: 3, arbitrary: any });
}

const field = (v: unknown, name: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[name] : undefined);

export function arbitraryFromTree(node: Node, path: string[], fallback: unknown, overrides: Overrides): fc.Arbitrary<unknown> {
  const override = overrides[keyOf(path)];
  if (override) return override;
  if (node.kind === 'leaf') return leafArbitrary(node, fallback);
  if (node.kind === 'object') {
    const fields = Object.fromEntries(Object.entries(node.fields).map(([name, child]) => [name, arbitraryFromTree(child, [...path, name], field(fallback, name), overrides)]));
    return fc.record(fields);
  }
  if (node.kind === 'nullable') {
    const inner = arbitraryFromTree(node.inner, path, fallback ?? undefined, overrides);
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: inner });
  }
  const tag = field(fallback, node.discriminator);
  return fc.oneof(...[...node.variants.values()].map((v) => arbitraryFromTree(v.node, path, v.tag === tag ? fallback : undefined, overrides)));
}
