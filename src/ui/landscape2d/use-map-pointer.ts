/**
 * A map's pointer, wheel and keyboard: drag the start point to move it, drag elsewhere to pan, the wheel
 * zooms about the pointer, arrow keys move the start point (map-interaction.ts holds the arithmetic).
 */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import { movedStart, pannedView, pressDrag, wheelFactor } from './map-interaction.ts';
import type { MapDrag } from './map-interaction.ts';
import { MAP_MARGIN } from './map-layout.ts';
import { zoomAbout } from './render-2d.ts';
import type { MapGeometry, ViewRange } from './render-2d.ts';

export interface MapPointerSpec {
  geometry: MapGeometry;
  start: { x: number; y: number };
  onStart: (x: number, y: number) => void;
  onView: (range: ViewRange) => void;
}

export function useMapPointer({ geometry, start, onStart, onView }: MapPointerSpec) {
  const svgRef = useRef<SVGSVGElement>(null);
  useWheelZoom(svgRef, geometry, onView);
  const pointer = usePointerDrag<SVGSVGElement, MapDrag>({
    box: svgRef,
    inset: MAP_MARGIN,
    onPress: ({ px, py }) => pressDrag(px, py, geometry.x(start.x), geometry.y(start.y), geometry.range),
    onDrag: ({ px, py }, d) => {
      if (d.kind === 'start') onStart(geometry.x.invert(px), geometry.y.invert(py));
      else onView(pannedView(d, px, py, geometry.width, geometry.height));
    },
  });
  const onKeyDown = (e: KeyboardEvent<SVGCircleElement>) => {
    const to = movedStart(e.key, e.shiftKey, geometry.range, start);
    if (!to) return;
    e.preventDefault();
    onStart(to.x, to.y);
  };
  return { svgRef, pointer, onKeyDown };
}

/** The wheel needs a non-passive listener to keep the page from scrolling while zooming. */
function useWheelZoom(svgRef: RefObject<SVGSVGElement | null>, geometry: MapGeometry, onView: (range: ViewRange) => void) {
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
      setView(zoomAbout(g.range, cx, cy, wheelFactor(e.deltaY)));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef]);
}
