/**
 * One of the four small multiples: the map as canvas pixels (ImageData) under an SVG with its contours,
 * the optimizer paths, bSAM's posterior ellipses and the start point. Drag the start point to move it,
 * drag elsewhere to pan, use the wheel to zoom; all maps share one view, so they move together.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import type { Map2D } from '../../state/experiment.ts';
import type { ColourMap } from '../kit/colour.ts';
import { formatNumber } from '../kit/format.ts';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import { OPTIMIZER_STYLE } from './optimizer-style.ts';
import { contourPaths, finiteRange, paintMap, panBy, zoomAbout } from './render-2d.ts';
import type { MapGeometry, ViewRange } from './render-2d.ts';
import type { ContourPath } from '../kit/grid-paint.ts';
import { Tex } from '../kit/Tex.tsx';
import type { MapTitle } from './map-titles.ts';

// The title is an HTML caption above the frame (it wraps on a phone), so the top margin only holds the top tick label.
export const MAP_MARGIN = { top: 8, right: 8, bottom: 24, left: 38 };

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

/** How many bSAM posterior ellipses a full path shows. */
const ELLIPSES = 12;

type Drag = { kind: 'start' } | { kind: 'pan'; px: number; py: number; range: ViewRange };

export function MapView({ name, title, geometry, maps, cmap, thresholds, paths, step, start, focusable, computing, onStart, onView }: MapViewProps) {
  const { width, height, range } = geometry;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const values = maps ? maps[name] : null;
  const valueRange = useMemo(() => (values ? finiteRange(values) : null), [values]);

  useEffect(() => {
    // Each map paints in its own task: the four maps painted in React's one effect flush made a single
    // ~300 ms main-thread task on a busy machine; a superseded paint is cancelled.
    const timer = setTimeout(() => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const image = ctx.createImageData(canvas.width, canvas.height);
      const painted = maps && values && cmap ? paintMap(image, geometry, maps, values, cmap, dpr) : 0;
      ctx.putImageData(image, 0, 0);
      canvas.dataset.painted = String(painted);
    }, 0);
    return () => clearTimeout(timer);
  }, [geometry, width, height, maps, values, cmap]);

  // Contours of four 256² maps computed during one render were a long main-thread task: each map traces
  // its own in a task of its own, after the render that brought the values.
  const [contours, setContours] = useState<ContourPath[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setContours(maps && values ? contourPaths(maps, values, thresholds, geometry) : []), 0);
    return () => clearTimeout(timer);
  }, [maps, values, thresholds, geometry]);

  // The wheel needs a non-passive listener to keep the page from scrolling while zooming.
  const latest = useRef({ geometry, onView });
  useEffect(() => {
    latest.current = { geometry, onView };
  });
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { geometry: g, onView: setView } = latest.current;
      const box = svg.getBoundingClientRect();
      const cx = g.x.invert(e.clientX - box.left - MAP_MARGIN.left);
      const cy = g.y.invert(e.clientY - box.top - MAP_MARGIN.top);
      setView(zoomAbout(g.range, cx, cy, Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.0015)))));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const pointer = usePointerDrag<SVGSVGElement, Drag>({
    box: svgRef,
    inset: MAP_MARGIN,
    // Grabbing near the start point moves it; anywhere else pans the view.
    onPress: ({ px, py }) => (Math.hypot(px - geometry.x(start.x), py - geometry.y(start.y)) <= 12 ? { kind: 'start' } : { kind: 'pan', px, py, range }),
    onDrag: ({ px, py }, d) => {
      if (d.kind === 'start') onStart(geometry.x.invert(px), geometry.y.invert(py));
      else {
        const sx = ((px - d.px) / width) * (d.range.xTo - d.range.xFrom);
        const sy = ((py - d.py) / height) * (d.range.yTo - d.range.yFrom);
        onView(panBy(d.range, -sx, sy));
      }
    },
  });
  const onKeyDown = (e: KeyboardEvent<SVGCircleElement>) => {
    const fraction = e.shiftKey ? 0.1 : 0.02;
    const dx = (range.xTo - range.xFrom) * fraction;
    const dy = (range.yTo - range.yFrom) * fraction;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    onStart(start.x + move[0], start.y + move[1]);
  };

  const outerWidth = width + MAP_MARGIN.left + MAP_MARGIN.right;
  const outerHeight = height + MAP_MARGIN.top + MAP_MARGIN.bottom;
  const clipId = `map2d-clip-${name}`;
  const xTicks = geometry.x.ticks(Math.max(2, Math.round(width / 70)));
  const yTicks = geometry.y.ticks(Math.max(2, Math.round(height / 60)));

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
            <g aria-hidden="true" className="map2d-axes">
              <rect width={width} height={height} fill="none" stroke="#8a9099" />
              {xTicks.map((v) => (
                <text key={`x${v}`} x={geometry.x(v)} y={height + 14} textAnchor="middle">
                  {formatNumber(v)}
                </text>
              ))}
              {yTicks.map((v) => (
                <text key={`y${v}`} x={-4} y={geometry.y(v)} dy="0.32em" textAnchor="end">
                  {formatNumber(v)}
                </text>
              ))}
            </g>
            <g clipPath={`url(#${clipId})`}>
              <g data-testid={`map2d-contours-${name}`} data-count={contours.length} fill="none" stroke="white" strokeOpacity={0.55} strokeWidth={0.8} pointerEvents="none">
                {contours.map((c) => (
                  <path key={c.value} d={c.d} />
                ))}
              </g>
              {paths.map((p) => (
                <PathMarks key={p.name} path={p} step={step} geometry={geometry} />
              ))}
              <circle
                className="map2d-start"
                data-testid={`map2d-start-${name}`}
                cx={geometry.x(start.x)}
                cy={geometry.y(start.y)}
                r={6}
                tabIndex={focusable ? 0 : -1}
                aria-hidden={focusable ? undefined : true}
                role={focusable ? 'slider' : undefined}
                aria-label={focusable ? 'Start point of the optimizer paths (arrow keys move it; Shift for larger steps)' : undefined}
                aria-valuenow={focusable ? start.x : undefined}
                aria-valuemin={focusable ? range.xFrom : undefined}
                aria-valuemax={focusable ? range.xTo : undefined}
                aria-valuetext={focusable ? `x = ${formatNumber(start.x)}, y = ${formatNumber(start.y)}` : undefined}
                onKeyDown={focusable ? onKeyDown : undefined}
              />
            </g>
          </g>
        </svg>
      </div>
    </figure>
  );
}

function PathMarks({ path, step, geometry }: { path: OptimizerPath; step: number; geometry: MapGeometry }) {
  const style = OPTIMIZER_STYLE[path.name];
  const last = Math.min(step, path.x.length - 1);
  let d = '';
  for (let k = 0; k <= last; k++) d += `${k === 0 ? 'M' : 'L'}${geometry.x(path.x[k]).toFixed(1)},${geometry.y(path.y[k]).toFixed(1)}`;
  const end = path.x.length - 1;
  const ellipses: number[] = [];
  if (path.stdX && path.stdY) {
    const every = Math.max(1, Math.round(end / ELLIPSES));
    for (let k = 0; k <= last; k += every) ellipses.push(k);
  }
  const [ex, ey] = [geometry.x(path.x[last]), geometry.y(path.y[last])];
  return (
    <g data-testid={`path2d-${path.name}`} pointerEvents="none">
      {ellipses.map((k) => (
        <ellipse
          key={k}
          className="map2d-ellipse"
          cx={geometry.x(path.x[k])}
          cy={geometry.y(path.y[k])}
          rx={Math.abs(geometry.x(path.x[k] + (path.stdX as Float64Array)[k]) - geometry.x(path.x[k]))}
          ry={Math.abs(geometry.y(path.y[k] + (path.stdY as Float64Array)[k]) - geometry.y(path.y[k]))}
          stroke={style.color}
        />
      ))}
      <path d={d} fill="none" stroke="white" strokeWidth={3.5} strokeOpacity={0.8} />
      <path
        d={d}
        className="map2d-path"
        data-optimizer={path.name}
        data-end={`${path.x[end]},${path.y[end]}`}
        data-diverged={path.diverged}
        fill="none"
        stroke={style.color}
        strokeWidth={1.8}
        strokeDasharray={style.dash}
      />
      <circle cx={ex} cy={ey} r={4} fill={style.color} stroke="white" strokeWidth={1.5} data-testid={`path2d-end-${path.name}`} />
    </g>
  );
}
