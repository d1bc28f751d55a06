import { memo, useMemo } from 'react';
import type { Landscape1D } from '../../math/landscape1d.types.ts';
import type { ObjectiveName } from '../../math/objectives.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { serializeValues } from '../kit/format.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import type { PlotFrame } from './plot-geometry.ts';
import { yPixel } from './plot-geometry.ts';
import type { DisplayIndices } from '../../worker/landscape1d-display.ts';
import { decimatedPath } from './decimate.ts';

/** Above this many points the values are not copied into the DOM (a million would take seconds). */
const MAX_SERIALISED = 20_000;

interface Props {
  landscape: Landscape1D;
  /** Which points to draw per curve; all of them when absent. */
  display?: DisplayIndices;
  /** Points of the full grid (the landscape may be thinned to what the plot needs); theta's length when absent. */
  points?: number;
  visible: Landscape1DState['visible'];
  frame: PlotFrame;
}

/**
 * The five curves. Memoised apart from the markers so dragging m does not rebuild the paths. Lines
 * break where values are not finite (+∞ proven infinite, NaN not computable) instead of drawing them;
 * long curves are decimated to the pixel columns (landscape1d/decimate.ts).
 */
export const CurvePaths = memo(function CurvePaths({ landscape, display, points = landscape.theta.length, visible, frame }: Props) {
  const paths = useMemo(() => {
    const { theta } = landscape;
    // x is linear in θ: the same map as frame.x without a d3 call per point (thousands per curve).
    const [d0, d1] = frame.x.domain();
    const [r0, r1] = frame.x.range();
    const xScale = (r1 - r0) / (d1 - d0);
    const out = {} as Record<ObjectiveName, { d: string; values: string | undefined }>;
    for (const name of OBJECTIVES) {
      const values = landscape[name];
      const keep = display?.[name];
      const at = keep ? (k: number) => keep[k] : (k: number) => k;
      const xOf = (k: number) => r0 + (theta[at(k)] - d0) * xScale;
      // Not finite, or beyond what the y-scale can place (it overflows for |v| near 1e308): a break.
      const yOf = (k: number) => {
        const v = values[at(k)];
        return Number.isFinite(v) ? yPixel(frame, v) : NaN;
      };
      out[name] = {
        d: decimatedPath(keep ? keep.length : theta.length, xOf, yOf, Math.ceil(frame.width)),
        // Only a whole landscape: the values of a thinned one are not the grid's.
        values: theta.length === points && points <= MAX_SERIALISED ? serializeValues(values) : undefined,
      };
    }
    return out;
  }, [landscape, display, points, frame]);

  // Draw order: the loss last so it stays on top of the objectives derived from it.
  const order: ObjectiveName[] = ['relaxed', 'sam', 'biconjugate', 'expected', 'loss'];
  return (
    <g className="curves">
      {order
        .filter((name) => visible[name])
        .map((name) => {
          const s = OBJECTIVE_STYLE[name];
          return (
            <path
              key={name}
              data-objective={name}
              data-values={paths[name].values}
              data-points={points}
              d={paths[name].d}
              fill="none"
              stroke={s.color}
              strokeWidth={s.width}
              strokeDasharray={s.dash}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          );
        })}
    </g>
  );
});
