import { useId, useRef } from 'react';
import type { Landscape1D, PointGeometry } from '../../math/landscape1d.types.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import type { Landscape1DState } from '../../state/experiment.ts';
import type { DisplayIndices } from '../../worker/landscape1d-display.ts';
import { ArgminMarkers } from './ArgminMarkers.tsx';
import { Axes } from '../kit/Axes.tsx';
import { CurvePaths } from './CurvePaths.tsx';
import { GeometryOver, GeometryUnder } from './GeometryOverlay.tsx';
import { MHandle } from './MHandle.tsx';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import type { PlotPoint } from '../kit/use-pointer-drag.ts';
import { useLandscapeFrame } from './use-landscape-frame.ts';

interface Props {
  landscape: Landscape1D;
  /** Which points to draw per curve (from the worker); all of them when absent. */
  display?: DisplayIndices;
  /** Points of the full grid (the landscape may be thinned). */
  points?: number;
  geometry: PointGeometry | null;
  state: Landscape1DState;
  width: number;
  height: number;
  hoverM: number | null;
  onM: (m: number) => void;
  onHover: (m: number | null) => void;
}

/** The 1-D landscape: curves over m, the geometry at the current m, and pointer interaction. */
export function LandscapePlot({ landscape, display, points, geometry, state, width, height, hoverM, onM, onHover }: Props) {
  const clipId = `clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { from, to, visible, m } = state;
  const { layout, frame } = useLandscapeFrame({ landscape, display, from, to, visible, width, height });
  const { margin, width: innerW, height: innerH } = layout;

  // Pointer: press anywhere on the plot to move m there, keep the button down to drag it.
  const hitArea = useRef<SVGRectElement>(null);
  const mAt = (p: PlotPoint) => Math.min(to, Math.max(from, from + (p.px / p.width) * (to - from)));
  const pointer = usePointerDrag<SVGGElement>({
    box: hitArea,
    onPress: (p) => {
      onM(mAt(p));
      return true;
    },
    onDrag: (p) => onM(mAt(p)),
    onMove: (p) => onHover(mAt(p)),
  });

  const anyVisible = OBJECTIVES.some((n) => visible[n]);
  return (
    <svg
      className="landscape-plot"
      width={width}
      height={height}
      role="group"
      aria-label="Landscape of the five objectives as functions of the mean m, with the geometry at the current m"
      data-testid="landscape-svg"
    >
      <defs>
        <clipPath id={clipId}>
          <rect width={innerW} height={innerH} />
        </clipPath>
      </defs>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <Axes
          x={frame.x}
          y={frame.y}
          width={innerW}
          height={innerH}
          xTicks={layout.xTicks}
          yTicks={layout.yTicks}
          xTitle="m (mean of q) · θ"
          xTitleAt="end"
          yTitle="objective value"
          grid="xy"
        />
        <g className="plot-interaction" {...pointer} onPointerLeave={() => onHover(null)}>
          <rect ref={hitArea} data-testid="plot-area" width={innerW} height={innerH} fill="transparent" className="hit-area" />
          <g clipPath={`url(#${clipId})`} pointerEvents="none">
            {geometry && <GeometryUnder g={geometry} frame={frame} from={from} to={to} />}
            <CurvePaths landscape={landscape} display={display} points={points} visible={visible} frame={frame} />
            {geometry && <GeometryOver g={geometry} frame={frame} from={from} to={to} />}
            <ArgminMarkers landscape={landscape} visible={visible} frame={frame} />
            {hoverM !== null && <line className="hover-line" x1={frame.x(hoverM)} x2={frame.x(hoverM)} y1={0} y2={innerH} />}
          </g>
          <MHandle m={m} from={from} to={to} frame={frame} onM={onM} />
        </g>
        {!anyVisible && (
          <text x={innerW / 2} y={innerH / 2} textAnchor="middle" className="empty-note">
            All curves are hidden: tick an objective in the legend.
          </text>
        )}
      </g>
    </svg>
  );
}
