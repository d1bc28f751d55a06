import type { Landscape1D, PointGeometry } from '../../math/landscape1d.types.ts';
import type { ObjectiveName } from '../../math/objectives.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';

const mentions = (text: string, name: ObjectiveName) => new RegExp(`\\b${name}\\b`).test(text);

/**
 * What the plot cannot show, in words. The maths layer's warnings come first (they say why); a visible
 * curve with non-finite points that no warning explains gets a count of the points left out of its
 * line; warnings about the geometry at m are added only for objectives not already covered, so the
 * same fact is not repeated three times.
 */
export function landscapeNotices(
  landscape: Landscape1D,
  visible: Landscape1DState['visible'],
  geometry: PointGeometry | null = null,
): string[] {
  const out = [...landscape.warnings];
  const n = landscape.theta.length;
  for (const name of OBJECTIVES) {
    if (!visible[name] || landscape.warnings.some((w) => mentions(w, name))) continue;
    const values = landscape[name];
    let inf = 0;
    let nan = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (Number.isNaN(v)) nan++;
      else if (!Number.isFinite(v)) inf++;
    }
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
