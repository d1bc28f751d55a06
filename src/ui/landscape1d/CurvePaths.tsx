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
  visible: Landscape1DState['visible'];
  frame: PlotFrame;
}

/**
 * The five curves. Memoised apart from the markers so dragging m does not rebuild the paths. Lines
 * break where values are not finite (+∞ proven infinite, NaN not computable) instead of drawing them;
 * long curves are decimated to the pixel columns (landscape1d/decimate.ts).
 */
export const CurvePaths = memo(function CurvePaths({ landscape, display, visible, frame }: Props) {
  const paths = useMemo(() => {
    const { theta } = landscape;
    const out = {} as Record<ObjectiveName, { d: string; values: string | undefined }>;
    for (const name of OBJECTIVES) {
      const values = landscape[name];
      const keep = display?.[name];
      const at = keep ? (k: number) => keep[k] : (k: number) => k;
      const xOf = (k: number) => frame.x(theta[at(k)]);
      // Not finite, or beyond what the y-scale can place (it overflows for |v| near 1e308): a break.
      const yOf = (k: number) => {
        const v = values[at(k)];
        return Number.isFinite(v) ? yPixel(frame, v) : NaN;
      };
      out[name] = {
        d: decimatedPath(keep ? keep.length : theta.length, xOf, yOf, Math.ceil(frame.width)),
        values: theta.length <= MAX_SERIALISED ? serializeValues(values) : undefined,
      };
    }
    return out;
  }, [landscape, display, frame]);

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
              data-points={landscape.theta.length}
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
