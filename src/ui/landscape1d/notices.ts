import type { Landscape1D, PointGeometry } from '../../math/landscape1d.types.ts';
import type { ObjectiveName } from '../../math/objectives.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { nonFiniteCounts } from '../../worker/landscape1d-display.ts';
import type { NonFiniteCounts } from '../../worker/landscape1d-display.ts';

const mentions = (text: string, name: ObjectiveName) => new RegExp(`\\b${name}\\b`).test(text);

/**
 * What the plot cannot show, in words. The maths layer's warnings come first (they say why); a visible
 * curve with non-finite points that no warning explains gets a count of the points left out of its
 * line; warnings about the geometry at m are added only for objectives not already covered, so the
 * same fact is not repeated three times. The counts come from the worker with the curves (a million
 * points are never walked on the main thread); without them they are counted here (tests, small grids).
 */
export function landscapeNotices(
  landscape: Landscape1D,
  visible: Landscape1DState['visible'],
  geometry: PointGeometry | null = null,
  counts: NonFiniteCounts = nonFiniteCounts(landscape),
  /** Points of the full grid, when `landscape` is thinned (beyond 20,000 points). */
  n = landscape.theta.length,
): string[] {
  const out = [...landscape.warnings];
  for (const name of OBJECTIVES) {
    if (!visible[name] || landscape.warnings.some((w) => mentions(w, name))) continue;
    const { inf, nan } = counts[name];
    const where = (k: number) => (k === n ? 'at every m' : `at ${k} of ${n} grid points`);
    if (inf > 0) out.push(`${name} is infinite ${where(inf)}; the curve is not drawn there.`);
    if (nan > 0) out.push(`${name} could not be computed ${where(nan)}; the curve is not drawn there.`);
  }
  if (geometry) {
    for (const w of geometry.warnings) {
      const covered = OBJECTIVES.some((name) => mentions(w, name) && out.some((o) => mentions(o, name)));
      if (!covered) out.push(`At m = ${Number(geometry.m.toPrecision(4))}: ${w}`);
    }
  }
  return Array.from(new Set(out));
}
