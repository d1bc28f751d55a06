/** The (m, σ) heatmap painted into a canvas at the device pixel ratio, repainted when the view or the data change. */
import { useEffect, useRef } from 'react';
import { paintPixels } from '../kit/canvas.ts';
import type { ColourMap } from '../kit/colour.ts';
import { paintImage } from './render.ts';
import type { GridAxes } from './render.ts';
import type { PlotView } from './view.ts';

export function useHeatmapCanvas(view: PlotView, axes: GridAxes | null, values: Float64Array | null, cmap: ColourMap | null) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // Painted even without data: an empty image clears the previous surface.
    paintPixels(canvasRef.current, view.width, view.height, (image, dpr) => {
      if (axes && values && cmap) paintImage(image, view, axes, values, cmap, dpr);
    });
  }, [view, axes, values, cmap]);
  return canvasRef;
}
