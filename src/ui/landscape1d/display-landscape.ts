import type { Landscape1D } from '../../math/landscape1d.types.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { DisplayIndices } from '../../worker/landscape1d-display.ts';

/**
 * Each curve cut down to the points the worker chose for display (every bin's extremes are among them),
 * for what needs only the curves' finite ranges — the y-range — so the main thread never walks a million
 * points on arrival. Only the objective arrays are reduced; the rest is the full landscape.
 */
export function displayLandscape(landscape: Landscape1D, display: DisplayIndices | undefined): Landscape1D {
  if (!display) return landscape;
  const out = { ...landscape };
  for (const name of OBJECTIVES) out[name] = Float64Array.from(display[name], (i) => landscape[name][i]);
  return out;
}
