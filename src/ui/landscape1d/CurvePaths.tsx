import { line } from 'd3';
import { memo, useMemo } from 'react';
import type { Landscape1D } from '../../math/landscape1d.types.ts';
import type { ObjectiveName } from '../../math/objectives.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { serializeValues } from '../kit/format.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import type { PlotFrame } from './plot-geometry.ts';
import { yPixel } from './plot-geometry.ts';

interface Props {
  landscape: Landscape1D;
  visible: Landscape1DState['visible'];
  frame: PlotFrame;
}

/**
 * The five curves. Memoised apart from the markers so dragging m does not rebuild the paths. Lines
 * break where values are not finite (+∞ proven infinite, NaN not computable) instead of drawing them.
 */
export const CurvePaths = memo(function CurvePaths({ landscape, visible, frame }: Props) {
  const paths = useMemo(() => {
    const { theta } = landscape;
    const out = {} as Record<ObjectiveName, { d: string; values: string }>;
    for (const name of OBJECTIVES) {
      const values = landscape[name];
      const gen = line<number>()
        .defined((i) => Number.isFinite(values[i]))
        .x((i) => frame.x(theta[i]))
        .y((i) => yPixel(frame, values[i]));
      out[name] = { d: gen(Array.from(theta, (_, i) => i)) ?? '', values: serializeValues(values) };
    }
    return out;
  }, [landscape, frame]);

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
