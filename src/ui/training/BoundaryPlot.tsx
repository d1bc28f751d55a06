/**
 * The decision-boundary plot, as in the official bSAM demo: the prediction as a heatmap (p(class 1) on a
 * diverging scale, or its entropy in nats), the 0.5 boundary of the shown prediction thick and those of the
 * posterior samples thin, the training points filled and the test points hollow. One canvas, redrawn when a
 * new grid arrives (a few times a second), because the picture streams.
 *
 * When editable, a click on (or near) a point removes it and a click elsewhere adds a point of the chosen
 * class. The same works from the keyboard: focus the plot, move the cross with the arrow keys (Shift: faster),
 * Enter or Space acts at the cross, Delete removes the point under it.
 */
import { scaleLinear } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { Point, PointOrigin } from '../../train/datasets.ts';
import type { DataSnapshot, DecisionGrid } from '../../worker/train-protocol.ts';
import { Axes } from '../kit/Axes.tsx';
import { linearTicks } from '../kit/axis-ticks.ts';
import type { Tick } from '../kit/axis-ticks.ts';
import { prepareCanvas } from '../kit/canvas.ts';
import { frameMargins } from '../kit/plot-frame.ts';
import type { Margins } from '../kit/plot-frame.ts';
import { classChannel, classColour, entropyField, entropyPixels, levelLines, predictivePixels, shownProbs } from './boundary-render.ts';
import type { Polyline, PredictionSource } from './boundary-render.ts';
import { hitPoint, type ScreenPoint } from './point-edits.ts';

export type HeatmapView = 'probability' | 'entropy';

export interface PlotEditing {
  onAdd: (x: number, y: number) => void;
  onRemove: (origin: PointOrigin) => void;
}

interface Props {
  grid: DecisionGrid | null;
  data: DataSnapshot | null;
  /** Width available for the whole plot (margins included), in CSS pixels. */
  width: number;
  /** Dims the picture (and ignores edits) while the run is being rebuilt. */
  stale: boolean;
  heatmap: HeatmapView;
  source: PredictionSource;
  /** Which run this is, for the accessible name (e.g. "bSAM"). */
  runLabel: string;
  testId: string;
  /** Click and keyboard editing of the data; null: read-only. */
  editing: PlotEditing | null;
}

const ROOM = { top: 8, right: 10 };
const MAX_PLOT_HEIGHT = 400;
/** Arrow keys move the keyboard cross by this fraction of the plotted span (Shift: five times as far). */
const KEY_STEP = 1 / 40;

interface Lines {
  main: Polyline[];
  samples: Polyline[][];
}

function boundaryLines(grid: DecisionGrid, source: PredictionSource): Lines {
  const { size, classes } = grid;
  const field = shownProbs(grid, source);
  // With more than two classes, each class's 0.5 set bounds the region it wins outright.
  const main =
    classes === 2
      ? levelLines(classChannel(field, size, 2, 1), size)
      : Array.from({ length: classes }, (_, c) => levelLines(classChannel(field, size, classes, c), size)).flat();
  const samples = classes === 2 ? grid.samples.map((s) => levelLines(s, size)) : [];
  return { main, samples };
}

interface Heat {
  pixels: Uint8ClampedArray;
  /** Largest entropy in the grid (entropy view), for the tests and the accessible name. */
  maxEntropy: number | null;
}

function heat(grid: DecisionGrid, view: HeatmapView, source: PredictionSource): Heat {
  const probs = shownProbs(grid, source);
  if (view === 'probability') return { pixels: predictivePixels(grid, probs), maxEntropy: null };
  const entropy = entropyField(probs, grid.size * grid.size, grid.classes);
  let max = 0;
  for (const h of entropy) if (h > max) max = h;
  return { pixels: entropyPixels(entropy, grid.size, grid.classes), maxEntropy: max };
}

interface Frame {
  margin: Margins;
  plotWidth: number;
  plotHeight: number;
  xTicks: Tick[];
  yTicks: Tick[];
}

/** Equal aspect, so the geometry of the data is not distorted; the width shrinks if the plot gets too tall. */
function plotSize(width: number, margin: Margins, xSpan: number, ySpan: number): { plotWidth: number; plotHeight: number } {
  const plotWidth = Math.max(160, width - margin.left - margin.right);
  const plotHeight = (plotWidth * ySpan) / xSpan;
  return plotHeight > MAX_PLOT_HEIGHT ? { plotWidth: (MAX_PLOT_HEIGHT * xSpan) / ySpan, plotHeight: MAX_PLOT_HEIGHT } : { plotWidth, plotHeight };
}

/** The plot's size and its margins, computed from the tick labels (kit/plot-frame.ts): a size guess, then the ticks of that size. */
function boundaryFrame(grid: DecisionGrid | null, width: number): Frame {
  const x = scaleLinear().domain(grid ? [grid.xFrom, grid.xTo] : [0, 1]);
  const y = scaleLinear().domain(grid ? [grid.yFrom, grid.yTo] : [0, 1]);
  const [xSpan, ySpan] = grid ? [grid.xTo - grid.xFrom, grid.yTo - grid.yFrom] : [1, 1];
  const guess = plotSize(width, frameMargins({ xTicks: [], yTicks: linearTicks(y, 5), room: ROOM }), xSpan, ySpan);
  const xTicks = linearTicks(x, guess.plotWidth / 70);
  const yTicks = linearTicks(y, guess.plotHeight / 60);
  const margin = frameMargins({ xTicks, yTicks, room: ROOM });
  return { margin, ...plotSize(width, margin, xSpan, ySpan), xTicks, yTicks };
}

export function BoundaryPlot({ grid, data, width, stale, heatmap, source, runLabel, testId, editing }: Props) {
  const frame = useMemo(() => boundaryFrame(grid, width), [grid, width]);
  const { margin, plotWidth, plotHeight } = frame;
  const outerWidth = plotWidth + margin.left + margin.right;
  const outerHeight = plotHeight + margin.top + margin.bottom;
  const train = useMemo(() => data?.train ?? [], [data]);
  const test = useMemo(() => data?.test ?? [], [data]);

  const lines = useMemo(() => (grid ? boundaryLines(grid, source) : null), [grid, source]);
  const picture = useMemo(() => (grid ? heat(grid, heatmap, source) : null), [grid, heatmap, source]);
  const sampleContours = lines ? lines.samples.filter((l) => l.length > 0).length : 0;

  const scales = useMemo(() => {
    if (!grid) return null;
    return {
      x: scaleLinear().domain([grid.xFrom, grid.xTo]).range([margin.left, margin.left + plotWidth]),
      y: scaleLinear().domain([grid.yFrom, grid.yTo]).range([margin.top + plotHeight, margin.top]),
    };
  }, [grid, plotWidth, plotHeight, margin]);

  const screenPoints = useMemo<ScreenPoint[]>(() => {
    if (!scales || !data) return [];
    const { x, y } = scales;
    return [
      ...data.train.map((p, i) => ({ px: x(p.x), py: y(p.y), origin: data.trainOrigins[i] })),
      ...data.test.map((p, i) => ({ px: x(p.x), py: y(p.y), origin: data.testOrigins[i] })),
    ];
  }, [scales, data]);
  const addedPixels = screenPoints
    .filter((p) => p.origin < 0)
    .map((p) => `${p.px.toFixed(1)},${p.py.toFixed(1)}`)
    .join(';');

  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const tileRef = useRef<HTMLCanvasElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const ctx = prepareCanvas(canvasRef.current, outerWidth, outerHeight);
    if (!ctx) return;
    if (!grid || !lines || !picture || !scales) {
      ctx.fillStyle = '#5b616b';
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('building the run…', outerWidth / 2, outerHeight / 2);
      return;
    }
    const { x, y } = scales;
    tileRef.current ??= document.createElement('canvas');
    drawHeatmap(ctx, tileRef.current, grid, picture.pixels, x, y);
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
    if (focused && cursor) drawCursor(ctx, x(cursor.x), y(cursor.y));
    ctx.restore();
  }, [grid, lines, picture, scales, train, test, outerWidth, outerHeight, plotWidth, plotHeight, focused, cursor, margin]);

  const canEdit = editing !== null && scales !== null && !stale;

  /** A click or Enter at canvas position (px, py): remove the point there, else add one. */
  const actAt = (px: number, py: number) => {
    if (!canEdit || !editing || !scales) return;
    if (px < margin.left || px > margin.left + plotWidth || py < margin.top || py > margin.top + plotHeight) return;
    const hit = hitPoint(screenPoints, px, py);
    if (hit !== null) editing.onRemove(hit);
    else editing.onAdd(scales.x.invert(px), scales.y.invert(py));
  };

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    actAt(e.clientX - rect.left, e.clientY - rect.top);
  };

  const centre = () => (grid ? { x: (grid.xFrom + grid.xTo) / 2, y: (grid.yFrom + grid.yTo) / 2 } : null);

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!canEdit || !grid || !scales) return;
    const at = cursor ?? centre();
    if (!at) return;
    const factor = e.shiftKey ? 5 * KEY_STEP : KEY_STEP;
    const dx = { ArrowLeft: -1, ArrowRight: 1 }[e.key] ?? 0;
    const dy = { ArrowDown: -1, ArrowUp: 1 }[e.key] ?? 0;
    if (dx || dy) {
      e.preventDefault();
      setCursor({
        x: Math.min(grid.xTo, Math.max(grid.xFrom, at.x + dx * factor * (grid.xTo - grid.xFrom))),
        y: Math.min(grid.yTo, Math.max(grid.yFrom, at.y + dy * factor * (grid.yTo - grid.yFrom))),
      });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      actAt(scales.x(at.x), scales.y(at.y));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const hit = hitPoint(screenPoints, scales.x(at.x), scales.y(at.y));
      if (hit !== null) editing?.onRemove(hit);
    }
  };

  const description = `Decision boundary of ${runLabel}: ${
    heatmap === 'entropy' ? 'entropy of the prediction in nats' : 'predictive probability of class 1'
  } over the input plane, ${train.length} training and ${test.length} test points${
    sampleContours > 0 ? `, the ${source === 'mean' ? 'mean-weights' : 'averaged predictive'} boundary and ${sampleContours} posterior-sample boundaries` : ''
  }.`;
  const editHelp =
    ' Click empty space to add a point of the chosen class, click a point to remove it; from the keyboard, arrow keys move the cross, Enter adds or removes there, Delete removes.';

  return (
    <div style={{ position: 'relative', width: outerWidth, height: outerHeight }}>
      <canvas
        ref={canvasRef}
        data-testid={testId}
        data-ready={grid ? 'true' : 'false'}
        data-sample-contours={sampleContours}
        data-view={heatmap}
        data-source={source}
        data-max-entropy={picture?.maxEntropy?.toFixed(4) ?? ''}
        data-train-count={train.length}
        data-added-px={addedPixels}
        role={editing ? 'application' : 'img'}
        aria-label={editing ? description + editHelp : description}
        tabIndex={editing ? 0 : undefined}
        onClick={editing ? onClick : undefined}
        onKeyDown={editing ? onKeyDown : undefined}
        onFocus={() => {
          setFocused(true);
          if (!cursor) setCursor(centre());
        }}
        onBlur={() => setFocused(false)}
        className={editing ? 'train-boundary is-editable' : 'train-boundary'}
        style={{ width: outerWidth, height: outerHeight, display: 'block', opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
      />
      {scales && (
        <svg width={outerWidth} height={outerHeight} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}>
          <g transform={`translate(${margin.left},${margin.top})`}>
            <Axes x={(v) => scales.x(v) - margin.left} y={(v) => scales.y(v) - margin.top} width={plotWidth} height={plotHeight} xTicks={frame.xTicks} yTicks={frame.yTicks} grid="none" />
          </g>
        </svg>
      )}
    </div>
  );
}

type Scale = (v: number) => number;

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
