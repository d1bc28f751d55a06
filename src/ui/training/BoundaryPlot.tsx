/**
 * The decision-boundary plot, as in the official bSAM demo: the predictive p(class 1) as a diverging
 * heatmap, the 0.5 boundary of the mean prediction thick and those of the posterior samples thin, the
 * training points filled and the test points hollow. One canvas, redrawn on every progress message
 * (a few times a second), because the picture streams.
 */
import { scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { Point } from '../../train/datasets.ts';
import type { DecisionGrid } from '../../worker/train-protocol.ts';
import { classChannel, classColour, levelLines, meanField, predictivePixels } from './boundary-render.ts';
import type { Polyline } from './boundary-render.ts';
import { prepareCanvas } from '../canvas.ts';

interface Props {
  grid: DecisionGrid | null;
  train: Point[];
  test: Point[];
  /** Width available for the whole plot (margins included), in CSS pixels. */
  width: number;
  /** Dims the picture while the run is being rebuilt. */
  stale: boolean;
}

const MARGIN = { top: 8, right: 10, bottom: 26, left: 34 };
const MAX_PLOT_HEIGHT = 400;

interface Lines {
  mean: Polyline[];
  samples: Polyline[][];
}

function boundaryLines(grid: DecisionGrid): Lines {
  const { size, classes } = grid;
  const field = meanField(grid);
  // With more than two classes, each class's 0.5 set bounds the region it wins outright.
  const mean =
    classes === 2
      ? levelLines(classChannel(field, size, 2, 1), size)
      : Array.from({ length: classes }, (_, c) => levelLines(classChannel(field, size, classes, c), size)).flat();
  const samples = classes === 2 ? grid.samples.map((s) => levelLines(s, size)) : [];
  return { mean, samples };
}

export function BoundaryPlot({ grid, train, test, width, stale }: Props) {
  // Equal aspect, so the geometry of the data is not distorted; shrink the width if it gets too tall.
  const xSpan = grid ? grid.xTo - grid.xFrom : 1;
  const ySpan = grid ? grid.yTo - grid.yFrom : 1;
  let plotWidth = Math.max(160, width - MARGIN.left - MARGIN.right);
  let plotHeight = (plotWidth * ySpan) / xSpan;
  if (plotHeight > MAX_PLOT_HEIGHT) {
    plotHeight = MAX_PLOT_HEIGHT;
    plotWidth = (plotHeight * xSpan) / ySpan;
  }
  const outerWidth = plotWidth + MARGIN.left + MARGIN.right;
  const outerHeight = plotHeight + MARGIN.top + MARGIN.bottom;

  const lines = useMemo(() => (grid ? boundaryLines(grid) : null), [grid]);
  const sampleContours = lines ? lines.samples.filter((l) => l.length > 0).length : 0;

  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, outerWidth, outerHeight);
    if (!ctx) return;
    if (!grid || !lines) {
      ctx.fillStyle = '#5b616b';
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('building the run…', outerWidth / 2, outerHeight / 2);
      return;
    }
    const x = scaleLinear().domain([grid.xFrom, grid.xTo]).range([MARGIN.left, MARGIN.left + plotWidth]);
    const y = scaleLinear().domain([grid.yFrom, grid.yTo]).range([MARGIN.top + plotHeight, MARGIN.top]);
    drawHeatmap(ctx, grid, x, y);
    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top, plotWidth, plotHeight);
    ctx.clip();
    const gx = (j: number) => x(grid.xFrom + ((grid.xTo - grid.xFrom) * j) / (grid.size - 1));
    const gy = (i: number) => y(grid.yFrom + ((grid.yTo - grid.yFrom) * i) / (grid.size - 1));
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const sample of lines.samples) strokeLines(ctx, sample, gx, gy, 'rgba(25, 25, 25, 0.45)', 0.9);
    strokeLines(ctx, lines.mean, gx, gy, 'rgba(255, 255, 255, 0.85)', 4.5);
    strokeLines(ctx, lines.mean, gx, gy, '#111', 2.5);
    drawPoints(ctx, train, test, x, y);
    ctx.restore();
    drawAxes(ctx, x, y, plotWidth, plotHeight);
  }, [grid, lines, train, test, outerWidth, outerHeight, plotWidth, plotHeight]);

  return (
    <canvas
      ref={canvasRef}
      data-testid="train-boundary"
      data-sample-contours={sampleContours}
      role="img"
      aria-label={`Decision boundary: predictive probability of class 1 over the input plane, ${train.length} training and ${test.length} test points${
        sampleContours > 0 ? `, the mean boundary and ${sampleContours} posterior-sample boundaries` : ''
      }.`}
      style={{ width: outerWidth, height: outerHeight, display: 'block', opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
    />
  );
}

type Scale = (v: number) => number;

function drawHeatmap(ctx: CanvasRenderingContext2D, grid: DecisionGrid, x: Scale, y: Scale): void {
  const { size } = grid;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const tctx = tile.getContext('2d');
  if (!tctx) return;
  const image = tctx.createImageData(size, size);
  image.data.set(predictivePixels(grid));
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

function drawAxes(ctx: CanvasRenderingContext2D, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, w: number, h: number): void {
  ctx.strokeStyle = '#c4c9d0';
  ctx.lineWidth = 1;
  ctx.strokeRect(MARGIN.left + 0.5, MARGIN.top + 0.5, w - 1, h - 1);
  ctx.fillStyle = '#5b616b';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const nx = Math.max(2, Math.round(w / 70));
  const xf = x.tickFormat(nx);
  for (const t of x.ticks(nx)) ctx.fillText(xf(t), x(t), MARGIN.top + h + 5);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const ny = Math.max(2, Math.round(h / 60));
  const yf = y.tickFormat(ny);
  for (const t of y.ticks(ny)) ctx.fillText(yf(t), MARGIN.left - 5, y(t));
}
