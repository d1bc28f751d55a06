/**
 * The (m, σ) panel (theory.md §2 fact 6): a heatmap with contours of E, B or the gap B − E over
 * m × log σ, or over the mean parameters (μ₁, μ₂) = (m, m² + σ²). The current (m, σ) of the state
 * is a crosshair that clicks, drags and arrow keys move (through onSelect, so the 1-D panel follows).
 * The grid is computed in a worker and only recomputed when the loss, the m-domain or the σ-range
 * change.
 */
import type { ExperimentState, MSigmaState } from '../../state/experiment.ts';
import { msigmaData } from './data-export.ts';
import { MSigmaControls } from './MSigmaControls.tsx';
import { MSigmaHeader } from './MSigmaHeader.tsx';
import { MSigmaNotes } from './MSigmaNotes.tsx';
import { MSigmaPlot } from './MSigmaPlot.tsx';
import { MSigmaReadouts } from './MSigmaReadouts.tsx';
import { gridStatusText, hoverText } from './readout-text.ts';
import { sampleAt } from './render.ts';
import { resolveGridParams } from './resolve.ts';
import { SURFACE_LABELS } from './surface-labels.ts';
import { useCurrentPoint } from './use-current-point.ts';
import { useHeatmapCanvas } from './use-heatmap-canvas.ts';
import { useMSigmaGrid } from './use-msigma-grid.ts';
import { useMSigmaSelection } from './use-msigma-selection.ts';
import { useMSigmaView } from './use-msigma-view.ts';

export interface MSigmaPanelProps {
  state: ExperimentState;
  onSelect: (m: number, sigma: number) => void;
  onChange: (patch: Partial<MSigmaState>) => void;
}

export function MSigmaPanel({ state, onSelect, onChange }: MSigmaPanelProps) {
  const { surface, coords, sigmaFrom, sigmaTo } = state.msigma;
  const { from, to, m, sigma } = state.landscape1d;

  const resolved = resolveGridParams(state);
  const result = useMSigmaGrid(resolved.ok ? resolved.params : null, resolved.ok ? null : resolved.reason);
  // An error means the last grid belongs to other inputs: do not show it as if it were current.
  const grid = result.status === 'error' ? null : result.grid;
  const plot = useMSigmaView(state, grid);
  const { axes, values, cmap, symbol, layout } = plot;
  const canvasRef = useHeatmapCanvas(layout.view, axes, values, cmap);
  const { hover, overlay, onKeyDown } = useMSigmaSelection(layout.view, { m, sigma, from, to, sigmaFrom, sigmaTo }, onSelect);
  const current = useCurrentPoint(state, resolved.ok ? resolved.params.expression : null, symbol);
  const sample = (pm: number, ps: number) => (axes && values ? sampleAt(axes, values, pm, ps) : undefined);

  return (
    <section
      className="panel msigma-panel"
      data-testid="msigma-panel"
      data-status={result.status}
      aria-labelledby="msigma-title"
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <MSigmaHeader status={result.status} statusText={gridStatusText(result)} data={msigmaData(result, resolved.ok ? resolved.params : null, state.landscape1d.loss)} />
      <MSigmaControls msigma={state.msigma} onChange={onChange} />
      <MSigmaPlot
        containerRef={plot.containerRef}
        canvasRef={canvasRef}
        outerWidth={plot.outerWidth}
        surface={surface}
        cmap={cmap}
        symbol={symbol}
        ariaLabel={`${SURFACE_LABELS[surface]} over m and σ. Current ${current.text}. Arrow keys move m (left, right) and σ (up, down); Shift for larger steps.`}
        onKeyDown={onKeyDown}
        layout={layout}
        contours={plot.contours}
        m={m}
        sigma={sigma}
        overlay={overlay}
        status={result.status}
        hasGrid={grid !== null}
      />
      <MSigmaReadouts
        hoverText={hoverText(hover, coords, symbol, sample)}
        currentText={current.text}
        outOfRange={sigma < sigmaFrom || sigma > sigmaTo || m < from || m > to}
        warnings={current.warnings}
        showInfeasible={coords === 'mean'}
      />
      <MSigmaNotes
        error={result.error}
        workerFailure={result.workerFailure}
        tight={Boolean(cmap?.constant) && surface === 'gap'}
        notes={plot.notes}
        gridWarnings={grid?.warnings ?? []}
      />
    </section>
  );
}
