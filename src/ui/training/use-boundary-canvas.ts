/**
 * Draws the boundary plot's canvas whenever what it shows changes: one canvas, redrawn when a new grid
 * arrives (a few times a second), because the picture streams.
 */
import { useEffect, useRef } from 'react';
import type { Point } from '../../train/datasets.ts';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { prepareCanvas } from '../kit/canvas.ts';
import { drawBoundaryScene, drawPlaceholder } from './boundary-draw.ts';
import type { BoundaryFrame, BoundaryScales } from './boundary-frame.ts';
import type { Heat, Lines } from './boundary-picture.ts';
import type { Cursor } from './boundary-keys.ts';

export interface CanvasSpec {
  grid: DecisionGrid | null;
  frame: BoundaryFrame;
  scales: BoundaryScales | null;
  lines: Lines | null;
  picture: Heat | null;
  train: Point[];
  test: Point[];
  cross: Cursor | null;
}

export function useBoundaryCanvas({ grid, frame, scales, lines, picture, train, test, cross }: CanvasSpec) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tileRef = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, frame.outerWidth, frame.outerHeight);
    if (!ctx) return;
    if (!grid || !lines || !picture || !scales) {
      drawPlaceholder(ctx, frame);
      return;
    }
    tileRef.current ??= document.createElement('canvas');
    drawBoundaryScene(ctx, tileRef.current, { grid, frame, scales, lines, pixels: picture.pixels, train, test, cross });
  }, [grid, frame, scales, lines, picture, train, test, cross]);
  return canvasRef;
}
