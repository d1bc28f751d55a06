/** The (m, σ) heatmap painted into a canvas at the device pixel ratio, repainted when the view or the data change. */
import { useEffect, useRef } from 'react';
import type { ColourMap } from '../kit/colour.ts';
import { paintImage } from './render.ts';
import type { GridAxes } from './render.ts';
import type { PlotView } from './view.ts';

export function useHeatmapCanvas(view: PlotView, axes: GridAxes | null, values: Float64Array | null, cmap: ColourMap | null) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(view.width * dpr);
    canvas.height = Math.round(view.height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    // Painted even without data: an empty image clears the previous surface.
    const image = ctx.createImageData(canvas.width, canvas.height);
    if (axes && values && cmap) paintImage(image, view, axes, values, cmap, dpr);
    ctx.putImageData(image, 0, 0);
  }, [view, axes, values, cmap]);
  return canvasRef;
}
