/**
 * ExperimentState → link fragment (`v=1&l1.sigma=0.25&tr.optimizer.kind=sgd`): only the fields that differ
 * from the defaults, in schema order, so links stay short and a link made today keeps meaning the same
 * thing (defaults are part of the version; changing one needs a migration).
 */
import type { ExperimentState } from '../experiment.ts';
import { DEFAULT_STATE, experimentStateSchema, STATE_VERSION } from '../experiment.ts';
import { sameValue } from './assemble.ts';
import { keyOf, VERSION_KEY } from './keys.ts';
import { formatLeaf } from './leaf-codec.ts';
import type { Node } from './schema-tree.ts';
import { buildTree } from './schema-tree.ts';

const TREE = buildTree(experimentStateSchema);

type Obj = Record<string, unknown>;
const field = (v: unknown, name: string): unknown => (typeof v === 'object' && v !== null ? (v as Obj)[name] : undefined);

function emit(node: Node, path: string[], value: unknown, fallback: unknown, out: string[]): void {
  if (node.kind === 'leaf') {
    // The version is written once, first, as `v`.
    if (path.length === 1 && path[0] === 'version') return;
    if (fallback === undefined || !sameValue(value, fallback)) out.push(`${keyOf(path)}=${formatLeaf(node, value)}`);
    return;
  }
  if (node.kind === 'object') {
    for (const [name, child] of Object.entries(node.fields)) emit(child, [...path, name], field(value, name), field(fallback, name), out);
    return;
  }
  if (node.kind === 'nullable') {
    if (value === null || value === undefined) {
      if (fallback !== null && fallback !== undefined) out.push(`${keyOf(path)}=null`);
      return;
    }
    emit(node.inner, path, value, fallback ?? undefined, out);
    return;
  }
  const tag = field(value, node.discriminator);
  const variant = [...node.variants.values()].find((v) => v.tag === tag);
  if (!variant) return;
  // Another variant than the default's: every field of it is written, the tag included.
  const base = field(fallback, node.discriminator) === tag ? fallback : undefined;
  emit(variant.node, path, value, base, out);
}

export function encodeFragment(state: ExperimentState): string {
  const out: string[] = [`${VERSION_KEY}=${STATE_VERSION}`];
  emit(TREE, [], state, DEFAULT_STATE, out);
  return out.join('&');
}

/** The state file: the whole state (not only the changes), readable, the format `cli train --config` reads. */
export function encodeStateFile(state: ExperimentState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
