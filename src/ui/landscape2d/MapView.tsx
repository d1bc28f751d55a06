/**
 * One of the four small multiples: the map as canvas pixels (ImageData) under an SVG with its contours,
 * the optimizer paths, bSAM's posterior ellipses and the start point. Drag the start point to move it,
 * drag elsewhere to pan, use the wheel to zoom; all maps share one view, so they move together.
 */
import { useMemo } from 'react';
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import type { Map2D } from '../../state/experiment.ts';
import type { ColourMap } from '../kit/colour.ts';
import { formatNumber } from '../kit/format.ts';
import { Tex } from '../kit/Tex.tsx';
import { MapAxes } from './MapAxes.tsx';
import { MAP_MARGIN } from './map-layout.ts';
import type { MapTitle } from './map-titles.ts';
import { PathMarks } from './PathMarks.tsx';
import { finiteRange } from './render-2d.ts';
import type { MapGeometry, ViewRange } from './render-2d.ts';
import { StartHandle } from './StartHandle.tsx';
import { useMapContours, useMapPaint } from './use-map-canvas.ts';
import { useMapPointer } from './use-map-pointer.ts';

export interface MapViewProps {
  name: Map2D;
  title: MapTitle;
  geometry: MapGeometry;
  maps: Landscape2D | null;
  cmap: ColourMap | null;
  thresholds: readonly number[];
  paths: readonly OptimizerPath[];
  /** Steps of each path drawn so far (the animation). */
  step: number;
  start: { x: number; y: number };
  /** Only one map's start handle is in the tab order (the others mirror it). */
  focusable: boolean;
  computing: boolean;
  onStart: (x: number, y: number) => void;
  onView: (range: ViewRange) => void;
}

export function MapView({ name, title, geometry, maps, cmap, thresholds, paths, step, start, focusable, computing, onStart, onView }: MapViewProps) {
  const { width, height } = geometry;
  const values = maps ? maps[name] : null;
  const valueRange = useMemo(() => (values ? finiteRange(values) : null), [values]);
  const canvasRef = useMapPaint(geometry, maps, values, cmap);
  const contours = useMapContours(geometry, maps, values, thresholds);
  const { svgRef, pointer, onKeyDown } = useMapPointer({ geometry, start, onStart, onView });
  const outerWidth = width + MAP_MARGIN.left + MAP_MARGIN.right;
  const outerHeight = height + MAP_MARGIN.top + MAP_MARGIN.bottom;
  const clipId = `map2d-clip-${name}`;

  return (
    <figure className="map2d" data-testid={`map2d-${name}`} data-map={name}>
      <figcaption className="map2d-title" data-testid={`map2d-title-${name}`} title={title.plain} style={{ maxWidth: outerWidth }}>
        {title.words} <Tex tex={title.tex} />
        {title.param && <span className="map2d-param">, {title.param}</span>}
      </figcaption>
      <div className="map2d-frame" style={{ width: outerWidth, height: outerHeight }}>
        <canvas
          ref={canvasRef}
          className="map2d-canvas"
          data-testid={`map2d-canvas-${name}`}
          data-min={valueRange ? valueRange.min : ''}
          data-max={valueRange ? valueRange.max : ''}
          data-points={maps ? maps.x.length : 0}
          aria-hidden="true"
          style={{ left: MAP_MARGIN.left, top: MAP_MARGIN.top, width, height, opacity: computing ? 0.6 : 1 }}
        />
        <svg
          ref={svgRef}
          className="map2d-svg"
          width={outerWidth}
          height={outerHeight}
          role="group"
          aria-label={`${title.plain}, over x and y${valueRange ? `, from ${formatNumber(valueRange.min)} to ${formatNumber(valueRange.max)}` : ''}`}
          {...pointer}
        >
          <defs>
            <clipPath id={clipId}>
              <rect width={width} height={height} />
            </clipPath>
          </defs>
          <g transform={`translate(${MAP_MARGIN.left},${MAP_MARGIN.top})`}>
            <MapAxes geometry={geometry} />
            <g clipPath={`url(#${clipId})`}>
              <g data-testid={`map2d-contours-${name}`} data-count={contours.length} fill="none" stroke="white" strokeOpacity={0.55} strokeWidth={0.8} pointerEvents="none">
                {contours.map((c) => (
                  <path key={c.value} d={c.d} />
                ))}
              </g>
              {paths.map((p) => (
                <PathMarks key={p.name} path={p} step={step} geometry={geometry} />
              ))}
              <StartHandle name={name} geometry={geometry} start={start} focusable={focusable} onKeyDown={onKeyDown} />
            </g>
          </g>
        </svg>
      </div>
    </figure>
  );
}
