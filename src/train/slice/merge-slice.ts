/**
 * One slice computed in parts: the grid's cells split into contiguous ranges (one per worker), and the parts'
 * results joined back into the slice of the whole grid.
 */
import { sliceCells, type SliceRange, type SliceResult } from './compute-slice.ts';

/** `parts` contiguous ranges tiling [0, cells), their sizes differing by at most one; never an empty range. */
export function splitCells(cells: number, parts: number): SliceRange[] {
  if (!Number.isInteger(cells) || cells < 1) throw new Error(`cannot split ${cells} cells: need a positive integer`);
  const n = Math.max(1, Math.min(cells, Math.floor(parts) || 1));
  return Array.from({ length: n }, (_, k) => ({ from: Math.floor((k * cells) / n), to: Math.floor(((k + 1) * cells) / n) }));
}

/** Joins parts of one slice (in any order) that tile its grid exactly; throws on a gap, an overlap or a mismatch. */
export function mergeSliceParts(parts: SliceResult[]): SliceResult {
  if (parts.length === 0) throw new Error('cannot merge a slice of no parts');
  const sorted = [...parts].sort((p, q) => p.range.from - q.range.from);
  const head = sorted[0];
  const cells = sliceCells({ dims: head.dims, points: head.coords.length });
  let next = 0;
  for (const part of sorted) {
    const { from, to } = part.range;
    if (part.dims !== head.dims || part.coords.length !== head.coords.length || (part.expected === null) !== (head.expected === null)) {
      throw new Error(`slice part [${from}, ${to}) belongs to a different slice`);
    }
    if (from > next) throw new Error(`slice parts leave cells [${next}, ${from}) uncovered`);
    if (from < next) throw new Error(`slice parts overlap at cells [${from}, ${Math.min(next, to)})`);
    if (to <= from || part.loss.length !== to - from || part.sam.length !== to - from || (part.expected && part.expected.length !== to - from)) {
      throw new Error(`slice part [${from}, ${to}) does not hold ${to - from} cells`);
    }
    next = to;
  }
  if (next !== cells) throw new Error(`slice parts cover cells [0, ${next}) of the grid's ${cells}`);

  const join = (pick: (part: SliceResult) => Float32Array): Float32Array => {
    const out = new Float32Array(cells);
    for (const part of sorted) out.set(pick(part), part.range.from);
    return out;
  };
  return {
    ...head,
    loss: join((p) => p.loss),
    expected: head.expected ? join((p) => p.expected as Float32Array) : null,
    sam: join((p) => p.sam),
    range: { from: 0, to: cells },
  };
}
