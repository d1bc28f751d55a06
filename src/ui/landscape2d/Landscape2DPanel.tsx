/**
 * The 2-D panel: loss, expected, sam and relaxed over (x, y) as four small multiples sharing one view
 * (wheel zoom, drag pan, reset), computed in a worker; GD, Adam, SAM and bSAM run from a draggable start
 * point and animate over the maps, bSAM with its posterior ellipses. Paths are cheap (a few thousand
 * loss evaluations) and run on the main thread, so dragging the start point replays them at once.
 */
import type { ExperimentState } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { landscape2dData } from './data-export.ts';
import { Landscape2DControls } from './Landscape2DControls.tsx';
import { mapTitle } from './map-titles.ts';
import { MapsNotices } from './MapsNotices.tsx';
import { MapsToolbar } from './MapsToolbar.tsx';
import { divergedLabels, mapsStatusText } from './maps-status.ts';
import { MapView } from './MapView.tsx';
import type { ViewRange } from './render-2d.ts';
import { useLoss2D, useMapsView, useOptimizerPaths } from './use-panel-2d.ts';
import './landscape2d.css';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

export function Landscape2DPanel({ state, dispatch }: Props) {
  const s = state.landscape2d;
  const { source, lossFn, lossError } = useLoss2D(s.loss);
  const { sectionRef, gridRef, result, maps, columns, geometry, shown, cmap, thresholds } = useMapsView(s, source, lossFn !== null);
  const paths = useOptimizerPaths(s, source, lossFn);
  const setView = (view: ViewRange) => dispatch({ type: 'set2DView', view });
  const errors = [lossError, result.error, paths.error].filter((e): e is string => e !== null);

  return (
    <section ref={sectionRef} className="panel landscape2d-panel" data-testid="landscape2d" data-status={result.status} aria-labelledby="landscape2d-title">
      <div className="panel-head">
        <h2 id="landscape2d-title">Two dimensions: the objectives as maps, and optimizers on them</h2>
        <p>Drag the white point to restart the paths; drag a map to pan, scroll to zoom.</p>
        <ExportMenu name="landscape-2d" label="the 2-D landscape panel" data={landscape2dData(result, s, lossFn ? source : null)} />
        <span className="landscape2d-status" data-testid="landscape2d-status" role="status">
          {mapsStatusText(result)}
        </span>
      </div>
      <div className="landscape2d-layout">
        <Landscape2DControls s={s} dispatch={dispatch} />
        <div className="landscape2d-maps-column">
          <MapsToolbar view={s} cmap={cmap} dispatch={dispatch} />
          <div className="landscape2d-maps" ref={gridRef} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
            {shown.map((name, k) => (
              <MapView
                key={name}
                name={name}
                title={mapTitle(name, s.sigma, s.rho)}
                geometry={geometry}
                maps={maps}
                cmap={cmap}
                thresholds={thresholds}
                paths={paths.shownPaths}
                step={paths.step}
                start={{ x: s.startX, y: s.startY }}
                focusable={k === 0}
                computing={result.status === 'computing'}
                onStart={(x, y) => dispatch({ type: 'set2DStart', x, y })}
                onView={setView}
              />
            ))}
          </div>
          <MapsNotices errors={errors} workerFailure={result.workerFailure} warnings={maps?.warnings ?? []} diverged={divergedLabels(paths.shownPaths)} />
        </div>
      </div>
    </section>
  );
}
