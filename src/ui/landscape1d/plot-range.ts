import type { Landscape1D } from '../../math/landscape1d.types.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { chooseYDomain } from './y-range.ts';

/** The plot's y-range from the loss (reference window) and the visible curves. */
export function yRangeFor(landscape: Landscape1D, visible: Landscape1DState['visible']): [number, number] {
  const curves = OBJECTIVES.filter((n) => visible[n]).map((n) => landscape[n]);
  return chooseYDomain(landscape.loss, curves);
}
