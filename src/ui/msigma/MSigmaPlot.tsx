/**
 * The (m, σ) plot: the heatmap canvas under an SVG with the axes, contours, overlays and colour bar. The
 * SVG is the keyboard's two-dimensional slider; the transparent overlay takes the pointer.
 */
import type { KeyboardEvent, PointerEventHandler, RefObject } from 'react';
import { ColourBar } from '../kit/ColourBar.tsx';
import type { ColourMap } from '../kit/colour.ts';
import type { PointerDragHandlers } from '../kit/use-pointer-drag.ts';
import { BAR_GAP, MSigmaAxes } from './MSigmaAxes.tsx';
import type { MSigmaLayout } from './MSigmaAxes.tsx';
import { Crosshair, Parabola } from './Overlays.tsx';
import type { ContourPath } from './render.ts';
import type { GridStatus } from './use-msigma-grid.ts';

export type OverlayHandlers = PointerDragHandlers<SVGRectElement> & { onPointerLeave: PointerEventHandler<SVGRectElement> };

interface PlotAreaProps {
  layout: MSigmaLayout;
  contours: readonly ContourPath[];
  m: number;
  sigma: number;
  overlay: OverlayHandlers;
  status: GridStatus;
  hasGrid: boolean;
}

/** Inside the margins: axes, then (clipped to the plot area) contours, overlays and the pointer's overlay. */
function PlotArea({ layout, contours, m, sigma, overlay, status, hasGrid }: PlotAreaProps) {
  const { view } = layout;
  const { margin } = layout.frame;
  return (
    <g transform={`translate(${margin.left},${margin.top})`}>
      <MSigmaAxes layout={layout} />
      <g clipPath="url(#msigma-clip)">
        <g data-testid="msigma-contours" fill="none" stroke="white" strokeOpacity={0.6} strokeWidth={0.8} pointerEvents="none">
          {contours.map((c) => (
            <path key={c.value} d={c.d} />
          ))}
        </g>
        {view.coords === 'mean' && <Parabola view={view} />}
        <Crosshair view={view} m={m} sigma={sigma} />
        <rect data-testid="msigma-overlay" width={view.width} height={view.height} fill="transparent" style={{ cursor: 'crosshair', touchAction: 'none' }} {...overlay} />
      </g>
      {status === 'computing' && !hasGrid && (
        <text x={view.width / 2} y={view.height / 2} textAnchor="middle" fontSize={13} fill="#555">
          computing the (m, σ) grid…
        </text>
      )}
      {status === 'error' && (
        <text x={view.width / 2} y={view.height / 2} textAnchor="middle" fontSize={13} fill="#b00020">
          No map: see the message below.
        </text>
      )}
    </g>
  );
}

interface Props extends PlotAreaProps {
  containerRef: RefObject<HTMLDivElement | null>;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  outerWidth: number;
  surface: string;
  cmap: ColourMap | null;
  symbol: string;
  ariaLabel: string;
  onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => void;
}

export function MSigmaPlot({ containerRef, canvasRef, outerWidth, surface, cmap, symbol, ariaLabel, onKeyDown, ...area }: Props) {
  const { view } = area.layout;
  const { margin } = area.layout.frame;
  const outerHeight = view.height + margin.top + margin.bottom;
  return (
    <div ref={containerRef} style={{ width: '100%', minWidth: 0 }}>
      <div style={{ position: 'relative', width: outerWidth, height: outerHeight }}>
        <canvas
          ref={canvasRef}
          data-testid="msigma-heatmap"
          data-surface={surface}
          data-coords={view.coords}
          aria-hidden="true"
          style={{
            position: 'absolute',
            left: margin.left,
            top: margin.top,
            width: view.width,
            height: view.height,
            opacity: area.status === 'computing' ? 0.55 : 1,
            transition: 'opacity 120ms',
          }}
        />
        <svg
          width={outerWidth}
          height={outerHeight}
          tabIndex={0}
          role="application"
          aria-roledescription="two-dimensional slider"
          aria-label={ariaLabel}
          onKeyDown={onKeyDown}
          style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
        >
          <defs>
            <clipPath id="msigma-clip">
              <rect width={view.width} height={view.height} />
            </clipPath>
          </defs>
          <PlotArea {...area} />
          {cmap && (
            <g transform={`translate(${margin.left + view.width + BAR_GAP},${margin.top})`}>
              <ColourBar cmap={cmap} title={symbol} length={view.height} testId="msigma-legend" />
            </g>
          )}
        </svg>
      </div>
    </div>
  );
}
