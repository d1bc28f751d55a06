/** The SVG paths of the minimiser-path plot: one line per objective, broken where it has no minimiser. */
import { line } from 'd3';
import { dependsOn, PATH_OBJECTIVES } from '../../math/minimiser-path.ts';
import type { PathObjective } from '../../math/minimiser-path.ts';
import type { PostedPath } from '../../worker/minimiser-protocol.ts';

export interface PathLine {
  name: PathObjective;
  d: string;
  values: Float64Array;
  /** The objective does not depend on the swept parameter: drawn flat and faint. */
  held: boolean;
}

export function pathLines(path: PostedPath | null, x: (v: number) => number, y: (m: number) => number): PathLine[] {
  if (!path) return [];
  return PATH_OBJECTIVES.map((name) => {
    const values = path[name];
    const d = line<number>()
      .defined((j) => Number.isFinite(values[j]))
      .x((j) => x(path.values[j]))
      .y((j) => y(values[j]))(Array.from(values.keys()));
    return { name, d: d ?? '', values, held: !dependsOn(name, path.axis) };
  });
}

/** The path to draw against `axis`: a path of the other axis (still on screen while this one computes) is not. */
export function pathForAxis(result: { status: string; path: PostedPath | null }, axis: PostedPath['axis']): PostedPath | null {
  return result.status === 'error' || result.path?.axis !== axis ? null : result.path;
}

/** The plotted range of the swept parameter: an empty range is widened tenfold so the log scale has a span. */
export function plotRange(swept: { from: number; to: number }): { from: number; to: number } {
  return { from: swept.from, to: swept.from < swept.to ? swept.to : swept.from * 10 };
}
