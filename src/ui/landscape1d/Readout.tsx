import type { Landscape1D, PointGeometry } from '../../math/landscape1d.types.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import { formatValue } from '../kit/format.ts';
import { OBJECTIVE_STYLE } from '../kit/objective-style.ts';
import { nearestIndex } from './plot-geometry.ts';

interface Props {
  landscape: Landscape1D;
  /** Values at the exact current m, shown when not hovering. */
  geometry: PointGeometry | null;
  visible: Landscape1DState['visible'];
  /** The hovered m, or null. */
  hoverM: number | null;
}

/**
 * All five values: at the grid point nearest the hovered m (the values the curves are drawn from),
 * or at the exact current m when the pointer is elsewhere.
 */
export function Readout({ landscape, geometry, visible, hoverM }: Props) {
  let at: number;
  let value: (name: (typeof OBJECTIVES)[number]) => number;
  if (hoverM !== null || !geometry) {
    const i = nearestIndex(landscape.theta, hoverM ?? landscape.theta[0]);
    at = landscape.theta[i];
    value = (name) => landscape[name][i];
  } else {
    at = geometry.m;
    value = (name) => geometry[name];
  }
  return (
    <div className="readout" data-testid="readout" data-hover={hoverM !== null}>
      <span className="readout-at">
        {hoverM !== null ? 'pointer' : 'current'} <span className="readout-m" data-testid="readout-m">{`m = ${formatValue(at)}`}</span>
      </span>
      {OBJECTIVES.map((name) => {
        const s = OBJECTIVE_STYLE[name];
        return (
          <span key={name} className={`readout-item ${visible[name] ? '' : 'is-hidden'}`}>
            <span className="readout-dot" style={{ background: s.color }} aria-hidden="true" />
            <span className="readout-symbol">{s.symbol}</span>
            <span className="readout-value" data-testid={`readout-${name}`}>
              {formatValue(value(name))}
            </span>
          </span>
        );
      })}
    </div>
  );
}
