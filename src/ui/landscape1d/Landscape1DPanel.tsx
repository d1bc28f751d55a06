import { useMemo, useState } from 'react';
import type { ExperimentState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { GeometryLegend } from './GeometryLegend.tsx';
import { Landscape1DControls } from './Landscape1DControls.tsx';
import { LandscapePlot } from './LandscapePlot.tsx';
import { Legend } from './Legend.tsx';
import { landscapeNotices } from './notices.ts';
import { Notices } from '../kit/Notices.tsx';
import { Readout } from './Readout.tsx';
import { resolveLoss } from './resolve-loss.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { landscape1dData } from './data-export.ts';
import { ComputeStatus } from './ComputeStatus.tsx';
import { useGeometry1D, useLandscape1D } from './use-landscape1d.ts';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

const PLOT_HEIGHT = 400;

/**
 * The 1-D panel. Everything shown is derived from the experiment state. The curves are computed in a
 * worker when the loss, domain, σ or ρ change, and the geometry at m in another when m moves; the
 * previous curves stay on screen, dimmed and marked as computing, until the new ones arrive.
 */
export function Landscape1DPanel({ state, dispatch }: Props) {
  const ls = state.landscape1d;
  const [hoverM, setHoverM] = useState<number | null>(null);
  const [plotRef, plotWidth] = useElementWidth<HTMLDivElement>(860);

  const resolved = useMemo(() => resolveLoss(ls.loss), [ls.loss]);
  const { from, to, points, sigma, rho, m } = ls;

  // Both computed in workers (issue 11): a million points or σ = 1000 never block the page.
  const curves = useLandscape1D(resolved.ok ? { expression: resolved.source, from, to, points, sigma, rho } : null);
  const geo = useGeometry1D(resolved.ok ? { expression: resolved.source, m, sigma, rho } : null);

  const landscape = curves.value?.landscape ?? null;
  const counts = curves.value?.counts;
  const gridPoints = curves.value?.points;
  const geometry = geo.value;
  const errors = [
    resolved.ok ? null : resolved.message,
    curves.error && `The curves could not be computed: ${curves.error}`,
    geo.error && `The geometry at m could not be computed: ${geo.error}`,
    curves.workerFailure,
  ].filter((e): e is string => !!e);
  const notes = useMemo(() => (landscape ? landscapeNotices(landscape, ls.visible, geometry, counts, gridPoints) : []), [landscape, ls.visible, geometry, counts, gridPoints]);

  const setM = (v: number) => dispatch({ type: 'setM', m: v });

  return (
    <section className="panel landscape-panel" data-testid="landscape1d" aria-labelledby="landscape1d-title">
      <div className="panel-head">
        <h2 id="landscape1d-title">The five objectives in one dimension</h2>
        <p>Drag on the plot to move the mean m; hover to read every objective at a point.</p>
        <ExportMenu name="landscape-1d" label="the 1-D landscape panel" data={landscape1dData(curves, ls, resolved.ok ? resolved.source : null)} />
      </div>
      <div className="landscape-grid">
        <Landscape1DControls ls={ls} dispatch={dispatch} />
        <div className="plot-column">
          <Legend visible={ls.visible} onToggle={(name, visible) => dispatch({ type: 'setVisible', name, visible })} />
          <Notices notes={notes} errors={errors} />
          <ComputeStatus c={curves} />
          <div className="plot-box" ref={plotRef} data-computing={curves.status === 'computing'} style={{ opacity: curves.status === 'computing' && landscape ? 0.6 : 1 }}>
            {landscape ? (
              <LandscapePlot
                landscape={landscape}
                display={curves.value?.display}
                points={gridPoints}
                geometry={geometry}
                state={ls}
                width={plotWidth}
                height={PLOT_HEIGHT}
                hoverM={hoverM}
                onM={setM}
                onHover={setHoverM}
              />
            ) : (
              <div className="plot-empty" style={{ height: PLOT_HEIGHT }}>
                {curves.status === 'computing' ? 'Computing the curves…' : 'Nothing to plot.'}
              </div>
            )}
          </div>
          {landscape && <Readout landscape={landscape} geometry={geometry} visible={ls.visible} hoverM={hoverM} />}
          {geometry && <GeometryLegend g={geometry} />}
        </div>
      </div>
    </section>
  );
}
