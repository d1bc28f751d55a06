import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { experimentStateSchema } from '../experiment.ts';
import { buildTree, numberBounds } from './schema-tree.ts';
import type { Node } from './schema-tree.ts';

function at(node: Node, ...path: string[]): Node {
  return path.reduce((n, name) => {
    if (n.kind !== 'object') throw new Error(`${name}: not an object`);
    return n.fields[name];
  }, node);
}

describe('reading the zod schema', () => {
  it('reads number bounds, exclusivity and integer formats from zod 4 checks', () => {
    expect(numberBounds(z.number().positive().max(1e3))).toEqual({ min: 0, max: 1000, minExclusive: true, maxExclusive: false, integer: false });
    expect(numberBounds(z.number().int().min(4).max(5000))).toEqual({ min: 4, max: 5000, minExclusive: false, maxExclusive: false, integer: true });
    expect(numberBounds(z.number().int())).toMatchObject({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true });
    expect(numberBounds(z.number().lt(1).gte(-2))).toEqual({ min: -2, max: 1, minExclusive: false, maxExclusive: true, integer: false });
    expect(numberBounds(z.number())).toMatchObject({ min: -Infinity, max: Infinity });
  });

  it('sees the experiment state as sections of leaves, a union for the loss and nullable groups', () => {
    const tree = buildTree(experimentStateSchema);
    expect(at(tree, 'landscape1d', 'sigma')).toMatchObject({ kind: 'leaf', value: { type: 'number', bounds: { min: 1e-4, max: 1000, minExclusive: false } } });
    const loss = at(tree, 'landscape1d', 'loss');
    expect(loss.kind).toBe('union');
    if (loss.kind === 'union') expect([...loss.variants.keys()]).toEqual(['preset', 'expression']);
    expect(at(tree, 'training', 'model', 'hidden')).toMatchObject({ kind: 'leaf', value: { type: 'array', maxLength: 6 } });
    expect(at(tree, 'msigma', 'surface')).toMatchObject({ kind: 'leaf', value: { type: 'enum', options: ['expected', 'biconjugate', 'gap'] } });
  });

  it('handles shapes the state may grow: nullable scalars, lists of points, nullable groups, anything else as JSON', () => {
    const tree = buildTree(
      z.object({
        stop: z.number().int().min(1).nullable().default(null),
        pts: z.array(z.object({ x: z.number(), label: z.number().int() })).max(3),
        cmp: z.object({ kind: z.enum(['a', 'b']) }).nullable(),
        odd: z.record(z.string(), z.number()),
      }),
    );
    expect(at(tree, 'stop')).toMatchObject({ kind: 'leaf', value: { type: 'nullable', inner: { value: { type: 'number' } } } });
    expect(at(tree, 'pts')).toMatchObject({ kind: 'leaf', value: { type: 'rows', maxLength: 3 } });
    expect(at(tree, 'cmp')).toMatchObject({ kind: 'nullable', inner: { kind: 'object' } });
    expect(at(tree, 'odd')).toMatchObject({ kind: 'leaf', value: { type: 'json' } });
  });
});
