import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { experimentStateSchema, sigmaSchema } from './experiment.ts';
import { buildTree } from './permalink/schema-tree.ts';
import type { Leaf, Node } from './permalink/schema-tree.ts';
import { clampToField, elementOf, lengthBounds, numberBounds } from './schema-bounds.ts';
import type { NumberBounds } from './schema-bounds.ts';
import { trainingSchema } from './training.ts';

/** Every number leaf of the state (inside lists, rows and nullable groups too), with its link path. */
function numberLeaves(node: Node, path: string, out: [string, Leaf][] = []): [string, Leaf][] {
  if (node.kind === 'object') for (const [k, child] of Object.entries(node.fields)) numberLeaves(child, `${path}.${k}`, out);
  else if (node.kind === 'union') for (const [tag, v] of node.variants) numberLeaves(v.node, `${path}<${tag}>`, out);
  else if (node.kind === 'nullable') numberLeaves(node.inner, path, out);
  else {
    const kind = node.value;
    if (kind.type === 'number') out.push([path, node]);
    else if (kind.type === 'nullable') numberLeaves(kind.inner, path, out);
    else if (kind.type === 'array') numberLeaves(kind.element, `${path}[]`, out);
    else if (kind.type === 'rows') for (const [k, f] of kind.fields) numberLeaves(f, `${path}[].${k}`, out);
  }
  return out;
}

/** The same bounds from zod's public JSON-schema export. */
function jsonSchemaBounds(schema: Leaf['schema']): NumberBounds {
  const j = z.toJSONSchema(schema as z.ZodType) as Record<string, unknown>;
  const num = (k: string) => (typeof j[k] === 'number' ? (j[k] as number) : undefined);
  const exMin = num('exclusiveMinimum');
  const exMax = num('exclusiveMaximum');
  return {
    min: exMin ?? num('minimum') ?? -Infinity,
    max: exMax ?? num('maximum') ?? Infinity,
    minExclusive: exMin !== undefined,
    maxExclusive: exMax !== undefined,
    integer: j.type === 'integer',
  };
}

describe('schema bounds (read from zod 4 internals, pinned to the public JSON schema)', () => {
  const leaves = numberLeaves(buildTree(experimentStateSchema), 'state');

  it('finds the number fields of every section', () => {
    expect(leaves.length).toBeGreaterThan(40);
    expect(leaves.map(([p]) => p)).toEqual(expect.arrayContaining(['state.landscape1d.sigma', 'state.training.model.hidden[]', 'state.training.dataset.points[].x', 'state.training.stopAt']));
  });

  it.each(leaves.map(([p, l]) => [p, l] as const))('%s agrees with z.toJSONSchema', (_path, leaf) => {
    expect(numberBounds(leaf.schema)).toEqual(jsonSchemaBounds(leaf.schema));
  });

  it('reads list lengths and their items', () => {
    const hidden = trainingSchema.shape.model.shape.hidden;
    expect(lengthBounds(hidden)).toEqual({ min: 0, max: 6 });
    expect(numberBounds(elementOf(hidden))).toMatchObject({ min: 1, max: 128, integer: true });
  });

  it('clamps into a field, refusing what cannot be clamped onto', () => {
    const sigma = numberBounds(sigmaSchema);
    expect(clampToField(1e-300, sigma)).toBe(1e-4);
    expect(clampToField(5e3, sigma)).toBe(1e3);
    expect(clampToField(0.3, sigma)).toBe(0.3);
    expect(clampToField(Number.NaN, sigma)).toBeNull();
    const lr = numberBounds(trainingSchema.shape.optimizer.shape.learningRate);
    expect(clampToField(0, lr)).toBeNull();
    expect(clampToField(-1, lr)).toBeNull();
    expect(clampToField(2.6, numberBounds(trainingSchema.shape.batchSize))).toBe(3);
  });
});
