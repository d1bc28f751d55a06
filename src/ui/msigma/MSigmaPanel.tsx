/**
 * The (m, σ) panel (theory.md §2 fact 6): a heatmap with contours of E, B or the gap B − E over
 * m × log σ, or over the mean parameters (μ₁, μ₂) = (m, m² + σ²). The current (m, σ) of the state
 * is a crosshair that clicks, drags and arrow keys move (through onSelect, so the 1-D panel follows).
 * The grid is computed in a worker and only recomputed when the loss, the m-domain or the σ-range
 * change.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ExperimentState, MSigmaState } from '../../state/experiment.ts';
import { layoutMSigma, MSigmaAxes, BAR_GAP } from './MSigmaAxes.tsx';
import { contourThresholds, makeColourMap } from '../kit/colour.ts';
import { formatMapValue, formatNumber } from '../kit/format.ts';
import { SURFACE_LABELS, SURFACE_SYMBOLS } from './surface-labels.ts';
import { ColourBar, verticalBarWidth } from '../kit/ColourBar.tsx';
import { SwatchKey } from './Legend.tsx';
import { SigmaRangeFields } from './SigmaRangeFields.tsx';
import { Crosshair, Parabola } from './Overlays.tsx';
import { contourPaths, gridAxes, paintImage, sampleAt } from './render.ts';
import { resolveGridParams } from './resolve.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { useGapAtPoint } from './use-gap-at-point.ts';
import { usePointerDrag } from '../kit/use-pointer-drag.ts';
import type { PlotPoint } from '../kit/use-pointer-drag.ts';
import { useMSigmaGrid } from './use-msigma-grid.ts';
import { arrowStep } from './arrow-step.ts';
import { selectionAt } from './view.ts';
import type { Surface } from '../kit/colour.ts';
import type { ScreenPoint } from './view.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { msigmaData } from './data-export.ts';

export interface MSigmaPanelProps {
  state: ExperimentState;
  onSelect: (m: number, sigma: number) => void;
  onChange: (patch: Partial<MSigmaState>) => void;
}

const PLOT_HEIGHT = 300;
const SURFACES: readonly Surface[] = ['gap', 'expected', 'biconjugate'];

export function MSigmaPanel({ state, onSelect, onChange }: MSigmaPanelProps) {
  const { surface, coords, sigmaFrom, sigmaTo } = state.msigma;
  const { from, to, m, sigma } = state.landscape1d;

  const resolved = resolveGridParams(state);
  const result = useMSigmaGrid(resolved.ok ? resolved.params : null, resolved.ok ? null : resolved.reason);
  // An error means the last grid belongs to other inputs: do not show it as if it were current.
  const grid = result.status === 'error' ? null : result.grid;

  const [containerRef, outerWidth] = useElementWidth<HTMLDivElement>(720);
  const plotHeight = PLOT_HEIGHT;
  const axes = useMemo(() => (grid ? gridAxes(grid) : null), [grid]);
  const values = grid ? grid[surface] : null;
  const cmap = useMemo(() => (values ? makeColourMap(values, surface) : null), [values, surface]);
  const symbol = SURFACE_SYMBOLS[surface];
  // The margins follow the axes' labels and the colour bar's (kit/plot-frame.ts).
  const barWidth = cmap ? verticalBarWidth(cmap, symbol, plotHeight) : 0;
  const layout = useMemo(
    () =>
      layoutMSigma(
        coords,
        { mFrom: from, mTo: from < to ? to : from + 1, sigmaFrom, sigmaTo: sigmaFrom < sigmaTo ? sigmaTo : sigmaFrom * 10 },
        outerWidth,
        plotHeight,
        barWidth,
      ),
    [coords, outerWidth, plotHeight, barWidth, from, to, sigmaFrom, sigmaTo],
  );
  const { view } = layout;
  const margin = layout.frame.margin;
  const plotWidth = view.width;
  const contours = useMemo(
    () => (axes && values && cmap ? contourPaths(axes, values, contourThresholds(cmap), view) : []),
    [axes, values, cmap, view],
  );

  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(view.width * dpr);
    canvas.height = Math.round(view.height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(canvas.width, canvas.height);
    if (axes && values && cmap) paintImage(image, view, axes, values, cmap, dpr);
    ctx.putImageData(image, 0, 0);
  }, [view, axes, values, cmap]);

  const [hover, setHover] = useState<ScreenPoint | null>(null);
  const select = (p: PlotPoint) => {
    const s = selectionAt(view, p.px, p.py);
    onSelect(s.m, s.sigma);
  };
  const pointer = usePointerDrag<SVGRectElement>({
    onPress: (p) => {
      select(p);
      return true;
    },
    onDrag: select,
    onMove: (p) => setHover(view.fromScreen(p.px, p.py)),
  });

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const next = arrowStep(e.key, e.shiftKey, { m, sigma, from, to, sigmaFrom, sigmaTo });
    if (!next) return;
    e.preventDefault();
    onSelect(next.m, next.sigma);
  };

  const valueAt = (pm: number, ps: number) => (axes && values ? sampleAt(axes, values, pm, ps) : undefined);
  const where = (pm: number, ps: number) => {
    const mean = coords === 'mean' ? ` (μ₁ = ${formatNumber(pm)}, μ₂ = ${formatNumber(pm * pm + ps * ps)})` : '';
    return `m = ${formatNumber(pm)}, σ = ${formatNumber(ps)}${mean}`;
  };
  // The hover reads the map (to its resolution); the current point is computed exactly there.
  const describe = (pm: number, ps: number) => `${where(pm, ps)}: ${symbol} ≈ ${formatMapValue(valueAt(pm, ps))}`;
  const exact = useGapAtPoint(resolved.ok ? { expression: resolved.params.expression, m, sigma, span: to - from } : null);
  const currentValue = exact.point ? exact.point[surface === 'gap' ? 'gap' : surface] : null;
  const currentText = `${where(m, sigma)}: ${symbol} = ${
    currentValue !== null ? formatMapValue(currentValue) : exact.error !== null ? `not computed (${exact.error})` : 'computing…'
  }`;
  let hoverText = 'Hover over the map to read values.';
  if (hover) hoverText = hover.feasible ? describe(hover.m, hover.sigma) : `μ₁ = ${formatNumber(hover.m)}: infeasible, μ₂ < μ₁²`;

  const notes = useMemo(() => (values ? nonFiniteNotes(values, symbol) : []), [values, symbol]);
  const outOfRange = sigma < sigmaFrom || sigma > sigmaTo || m < from || m > to;
  const statusText =
    result.status === 'computing'
      ? 'computing…'
      : result.status === 'ready'
        ? `ready${result.elapsedMs !== null ? ` (${Math.round(result.elapsedMs)} ms, ${result.where})` : ''}`
        : 'error';

  return (
    <section
      className="panel msigma-panel"
      data-testid="msigma-panel"
      data-status={result.status}
      aria-labelledby="msigma-title"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <header className="panel-head">
        <h2 id="msigma-title">(m, σ) landscape</h2>
        <p>Where is the convex relaxation loose? The horizontal line is the 1-D panel’s σ.</p>
        <ExportMenu name="msigma" label="the (m, σ) panel" data={msigmaData(result, resolved.ok ? resolved.params : null, state.landscape1d.loss)} />
        <span data-testid="msigma-status" role="status" style={{ fontSize: 12, color: result.status === 'error' ? '#b00020' : '#555' }}>
          {statusText}
        </span>
      </header>

      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'center', fontSize: 13 }}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          Surface
          <select data-testid="msigma-surface" value={surface} onChange={(e) => onChange({ surface: e.target.value as Surface })}>
            {SURFACES.map((s) => (
              <option key={s} value={s}>
                {SURFACE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <input
            type="checkbox"
            data-testid="msigma-coords"
            checked={coords === 'mean'}
            onChange={(e) => onChange({ coords: e.target.checked ? 'mean' : 'msigma' })}
          />
          Mean parameters (μ₁, μ₂) = (m, m² + σ²)
        </label>
        <SigmaRangeFields sigmaFrom={sigmaFrom} sigmaTo={sigmaTo} onChange={onChange} />
      </div>

      <div ref={containerRef} style={{ width: '100%', minWidth: 0 }}>
        <div style={{ position: 'relative', width: outerWidth, height: plotHeight + margin.top + margin.bottom }}>
          <canvas
            ref={canvasRef}
            data-testid="msigma-heatmap"
            data-surface={surface}
            data-coords={coords}
            aria-hidden="true"
            style={{
              position: 'absolute',
              left: margin.left,
              top: margin.top,
              width: plotWidth,
              height: plotHeight,
              opacity: result.status === 'computing' ? 0.55 : 1,
              transition: 'opacity 120ms',
            }}
          />
          <svg
            width={outerWidth}
            height={plotHeight + margin.top + margin.bottom}
            tabIndex={0}
            role="application"
            aria-roledescription="two-dimensional slider"
            aria-label={`${SURFACE_LABELS[surface]} over m and σ. Current ${currentText}. Arrow keys move m (left, right) and σ (up, down); Shift for larger steps.`}
            onKeyDown={onKeyDown}
            style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}
          >
            <defs>
              <clipPath id="msigma-clip">
                <rect width={plotWidth} height={plotHeight} />
              </clipPath>
            </defs>
            <g transform={`translate(${margin.left},${margin.top})`}>
              <MSigmaAxes layout={layout} />
              <g clipPath="url(#msigma-clip)">
                <g data-testid="msigma-contours" fill="none" stroke="white" strokeOpacity={0.6} strokeWidth={0.8} pointerEvents="none">
                  {contours.map((c) => (
                    <path key={c.value} d={c.d} />
                  ))}
                </g>
                {coords === 'mean' && <Parabola view={view} />}
                <Crosshair view={view} m={m} sigma={sigma} />
                <rect
                  data-testid="msigma-overlay"
                  width={plotWidth}
                  height={plotHeight}
                  fill="transparent"
                  style={{ cursor: 'crosshair', touchAction: 'none' }}
                  {...pointer}
                  onPointerLeave={() => setHover(null)}
                />
              </g>
              {result.status === 'computing' && !grid && (
                <text x={plotWidth / 2} y={plotHeight / 2} textAnchor="middle" fontSize={13} fill="#555">
                  computing the (m, σ) grid…
                </text>
              )}
              {result.status === 'error' && (
                <text x={plotWidth / 2} y={plotHeight / 2} textAnchor="middle" fontSize={13} fill="#b00020">
                  No map: see the message below.
                </text>
              )}
            </g>
            {cmap && (
              <g transform={`translate(${margin.left + plotWidth + BAR_GAP},${margin.top})`}>
                <ColourBar cmap={cmap} title={symbol} length={plotHeight} testId="msigma-legend" />
              </g>
            )}
          </svg>
        </div>
      </div>

      <div data-testid="msigma-readout" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums', minHeight: '1.3em' }}>
        {hoverText}
      </div>
      <div data-testid="msigma-current" aria-live="polite" style={{ fontSize: 12, color: '#333', fontVariantNumeric: 'tabular-nums' }}>
        Current: {currentText}
        {outOfRange && ' — outside the plotted range'}
        {exact.point && exact.point.warnings.length > 0 && ` — ${exact.point.warnings.join('; ')}`}
      </div>
      <SwatchKey showInfeasible={coords === 'mean'} />

      {result.error && (
        <p data-testid="msigma-error" role="alert" style={{ color: '#b00020', margin: 0, fontSize: 13 }}>
          {result.error}
        </p>
      )}
      {result.workerFailure && (
        <p data-testid="msigma-worker-failure" role="alert" style={{ color: '#8a5a00', margin: 0, fontSize: 13 }}>
          {result.workerFailure}
        </p>
      )}
      {cmap?.constant && surface === 'gap' && (
        <p style={{ margin: 0, fontSize: 13 }}>B = E on the whole grid: the relaxation is tight here (as for any quadratic loss).</p>
      )}
      {(notes.length > 0 || (grid && grid.warnings.length > 0)) && (
        <ul data-testid="msigma-warnings" style={{ margin: 0, paddingLeft: 18, fontSize: 12, color: '#8a5a00' }}>
          {notes.map((w) => (
            <li key={w}>{w}</li>
          ))}
          {grid?.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Counts of +∞ and NaN cells, said in words (theory.md §2 fact 7: never hide an infinite sup). */
function nonFiniteNotes(values: Float64Array, symbol: string): string[] {
  let inf = 0;
  let nan = 0;
  for (const v of values) {
    if (v === Infinity) inf++;
    else if (Number.isNaN(v)) nan++;
  }
  const notes: string[] = [];
  const pct = (k: number) => `${((100 * k) / values.length).toFixed(k * 1000 < values.length ? 1 : 0)}%`;
  if (inf > 0) notes.push(`${symbol} is +∞ on ${inf} cells (${pct(inf)}): the loss grows too fast for that σ (hatched dark).`);
  if (nan > 0) notes.push(`${symbol} could not be computed on ${nan} cells (${pct(nan)}) (hatched light).`);
  return notes;
}
