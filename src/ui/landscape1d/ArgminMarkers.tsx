import type { Landscape1D } from '../../math/landscape1d.types.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { formatValue } from '../kit/format.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import type { PlotFrame } from './plot-geometry.ts';
import { nearestIndex, yPixel } from './plot-geometry.ts';

interface Props {
  landscape: Landscape1D;
  visible: Landscape1DState['visible'];
  frame: PlotFrame;
}

/** A downward triangle just above each visible objective's minimiser. */
export function ArgminMarkers({ landscape, visible, frame }: Props) {
  return (
    <g className="argmin-markers" pointerEvents="none">
      {OBJECTIVES.map((name) => {
        const at = landscape.argmin[name];
        if (!visible[name] || at === null || !Number.isFinite(at)) return null;
        const v = landscape[name][nearestIndex(landscape.theta, at)];
        if (!Number.isFinite(v)) return null;
        const px = frame.x(at);
        const py = yPixel(frame, v) - 4;
        const s = OBJECTIVE_STYLE[name];
        return (
          <path key={name} data-testid={`marker-argmin-${name}`} data-m={at} d={`M${px - 5.5},${py - 9} L${px + 5.5},${py - 9} L${px},${py} Z`} fill={s.color} stroke="#fff" strokeWidth={1}>
            <title>{`minimiser of ${s.symbol}: m = ${formatValue(at)}`}</title>
          </path>
        );
      })}
    </g>
  );
}
