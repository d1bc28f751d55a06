/**
 * Canvas drawing of the decision-boundary plot: the heatmap tile, the boundaries, the points and the
 * keyboard cross, in CSS pixels on a context from kit/canvas.ts.
 */
import type { Point } from '../../train/datasets.ts';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { classColour } from './boundary-render.ts';
import type { Polyline } from './boundary-render.ts';
import type { BoundaryFrame, BoundaryScales } from './boundary-frame.ts';
import type { Lines } from './boundary-picture.ts';

type Scale = (v: number) => number;

export interface BoundaryScene {
  grid: DecisionGrid;
  frame: BoundaryFrame;
  scales: BoundaryScales;
  lines: Lines;
  pixels: Uint8ClampedArray;
  train: Point[];
  test: Point[];
  /** The keyboard cross, in data coordinates; null: not shown. */
  cross: { x: number; y: number } | null;
}

/** Before the first grid arrives. */
export function drawPlaceholder(ctx: CanvasRenderingContext2D, { outerWidth, outerHeight }: BoundaryFrame): void {
  ctx.fillStyle = '#5b616b';
  ctx.font = '13px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('building the run…', outerWidth / 2, outerHeight / 2);
}

export function drawBoundaryScene(ctx: CanvasRenderingContext2D, tile: HTMLCanvasElement, { grid, frame, scales, lines, pixels, train, test, cross }: BoundaryScene): void {
  const { x, y } = scales;
  const { margin, plotWidth, plotHeight } = frame;
  drawHeatmap(ctx, tile, grid, pixels, x, y);
  ctx.save();
  ctx.beginPath();
  ctx.rect(margin.left, margin.top, plotWidth, plotHeight);
  ctx.clip();
  const gx = (j: number) => x(grid.xFrom + ((grid.xTo - grid.xFrom) * j) / (grid.size - 1));
  const gy = (i: number) => y(grid.yFrom + ((grid.yTo - grid.yFrom) * i) / (grid.size - 1));
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const sample of lines.samples) strokeLines(ctx, sample, gx, gy, 'rgba(25, 25, 25, 0.45)', 0.9);
  strokeLines(ctx, lines.main, gx, gy, 'rgba(255, 255, 255, 0.85)', 4.5);
  strokeLines(ctx, lines.main, gx, gy, '#111', 2.5);
  drawPoints(ctx, train, test, x, y);
  if (cross) drawCursor(ctx, x(cross.x), y(cross.y));
  ctx.restore();
}

function drawHeatmap(ctx: CanvasRenderingContext2D, tile: HTMLCanvasElement, grid: DecisionGrid, pixels: Uint8ClampedArray, x: Scale, y: Scale): void {
  const { size } = grid;
  if (tile.width !== size) tile.width = size;
  if (tile.height !== size) tile.height = size;
  const tctx = tile.getContext('2d');
  if (!tctx) return;
  const image = tctx.createImageData(size, size);
  image.data.set(pixels);
  tctx.putImageData(image, 0, 0);
  // Grid point j is the centre of tile pixel j, so the tile reaches half a cell beyond [xFrom, xTo];
  // the clip trims that, and the browser's bilinear smoothing interpolates between grid points.
  const hx = (grid.xTo - grid.xFrom) / (size - 1) / 2;
  const hy = (grid.yTo - grid.yFrom) / (size - 1) / 2;
  const left = x(grid.xFrom - hx);
  const top = y(grid.yTo + hy);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x(grid.xFrom), y(grid.yTo), x(grid.xTo) - x(grid.xFrom), y(grid.yFrom) - y(grid.yTo));
  ctx.clip();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(tile, left, top, x(grid.xTo + hx) - left, y(grid.yFrom - hy) - top);
  ctx.restore();
}

function strokeLines(ctx: CanvasRenderingContext2D, lines: Polyline[], gx: Scale, gy: Scale, colour: string, width: number): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  for (const line of lines) {
    line.forEach(([j, i], k) => (k === 0 ? ctx.moveTo(gx(j), gy(i)) : ctx.lineTo(gx(j), gy(i))));
  }
  ctx.stroke();
}

function drawPoints(ctx: CanvasRenderingContext2D, train: Point[], test: Point[], x: Scale, y: Scale): void {
  for (const p of test) {
    // Hollow: a white ring under the coloured one keeps it visible on either side of the boundary.
    ctx.beginPath();
    ctx.arc(x(p.x), y(p.y), 3.6, 0, 2 * Math.PI);
    ctx.lineWidth = 3.2;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.stroke();
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = classColour(p.label);
    ctx.stroke();
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#fff';
  for (const p of train) {
    ctx.beginPath();
    ctx.arc(x(p.x), y(p.y), 4, 0, 2 * Math.PI);
    ctx.fillStyle = classColour(p.label);
    ctx.fill();
    ctx.stroke();
  }
}

/** The keyboard cross: black on white so it shows on any heatmap colour. */
function drawCursor(ctx: CanvasRenderingContext2D, cx: number, cy: number): void {
  for (const [colour, width] of [
    ['#fff', 4],
    ['#111', 1.5],
  ] as const) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(cx - 9, cy);
    ctx.lineTo(cx + 9, cy);
    ctx.moveTo(cx, cy - 9);
    ctx.lineTo(cx, cy + 9);
    ctx.stroke();
  }
}
