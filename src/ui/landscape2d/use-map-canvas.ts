/** Paints a map's values into its canvas (device pixels), and traces its contours, each in a task of its own. */
import { useEffect, useRef, useState } from 'react';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { paintPixels } from '../kit/canvas.ts';
import type { ColourMap } from '../kit/colour.ts';
import type { ContourPath } from '../kit/grid-paint.ts';
import { contourPaths, paintMap } from './render-2d.ts';
import type { MapGeometry } from './render-2d.ts';

export function useMapPaint(geometry: MapGeometry, maps: Landscape2D | null, values: Float64Array | null, cmap: ColourMap | null) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = geometry;
  useEffect(() => {
    // Each map paints in its own task: the four maps painted in React's one effect flush made a single
    // ~300 ms main-thread task on a busy machine; a superseded paint is cancelled.
    const timer = setTimeout(() => {
      const canvas = canvasRef.current;
      const painted = paintPixels(canvas, width, height, (image, dpr) => (maps && values && cmap ? paintMap(image, geometry, maps, values, cmap, dpr) : 0));
      if (canvas && painted !== null) canvas.dataset.painted = String(painted);
    }, 0);
    return () => clearTimeout(timer);
  }, [geometry, width, height, maps, values, cmap]);
  return canvasRef;
}

export function useMapContours(geometry: MapGeometry, maps: Landscape2D | null, values: Float64Array | null, thresholds: readonly number[]): ContourPath[] {
  // Contours of four 256² maps computed during one render were a long main-thread task: each map traces
  // its own in a task of its own, after the render that brought the values.
  const [contours, setContours] = useState<ContourPath[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => setContours(maps && values ? contourPaths(maps, values, thresholds, geometry) : []), 0);
    return () => clearTimeout(timer);
  }, [maps, values, thresholds, geometry]);
  return contours;
}
