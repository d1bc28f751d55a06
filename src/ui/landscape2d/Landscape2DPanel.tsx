/**
 * The 2-D panel: loss, expected, sam and relaxed over (x, y) as four small multiples sharing one view
 * (wheel zoom, drag pan, reset), computed in a worker; GD, Adam, SAM and bSAM run from a draggable start
 * point and animate over the maps, bSAM with its posterior ellipses. Paths are cheap (a few thousand
 * loss evaluations) and run on the main thread, so dragging the start point replays them at once.
 */
import { useMemo } from 'react';
import { runAllPaths } from '../../math/landscape2d/paths.ts';
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { DEFAULT_PATH_SETTINGS } from '../../math/landscape2d/paths.ts';
import { compileLoss2D, lossSource2D } from '../../math/landscape2d/loss2d.ts';
import type { ExperimentState } from '../../state/experiment.ts';
import { landscape2dSchema, MAPS_2D, PATH_OPTIMIZERS } from '../../state/experiment.ts';
import type { Action } from '../../state/update.ts';
import { LIMITS, parseField } from '../../state/update.ts';
import { RHO_SLIDER, SIGMA_SLIDER } from '../kit/log-scale.ts';
import { LogSlider } from '../kit/LogSlider.tsx';
import { contourThresholds } from '../kit/colour.ts';
import { formatNumber } from '../kit/format.ts';
import { ColourBar, HORIZONTAL_BAR_SPACE } from '../kit/ColourBar.tsx';
import { NumberField } from '../kit/NumberField.tsx';
import { useElementWidth } from '../kit/use-element-width.ts';
import { useSeenOnce } from '../kit/use-seen-once.ts';
import { Loss2DControls } from './Loss2DControls.tsx';
import { MapView } from './MapView.tsx';
import { MAP_MARGIN } from './map-layout.ts';
import { MAP_TOGGLE_LABELS, mapTitle } from './map-titles.ts';
import { OPTIMIZER_STYLE } from './optimizer-style.ts';
import { mapGeometry, sharedColourMap, zoomAbout } from './render-2d.ts';
import type { ViewRange } from './render-2d.ts';
import { useMaps2D } from './use-maps-2d.ts';
import { usePathAnimation } from './use-path-animation.ts';
import './landscape2d.css';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { landscape2dData } from './data-export.ts';

interface Props {
  state: ExperimentState;
  dispatch: (action: Action) => void;
}

const MAX_MAP_SIZE = 420;
const MIN_MAP_SIZE = 140;
/** The maps grid's column gap (landscape2d.css, .landscape2d-maps). */
const MAP_GAP = 12;
const COLOUR_BAR_LENGTH = 220;

/** Every field validates against its own schema bounds (state/experiment.ts), as the reducer clamps. */
const FIELDS = landscape2dSchema.shape;
const parseSigma = (t: string) => parseField(t, LIMITS.sigma, 'σ');
const parseRho = (t: string) => parseField(t, LIMITS.rho, 'ρ');
const parseLearningRate = (t: string) => parseField(t, FIELDS.learningRate, 'Learning rate');
const parseSteps = (t: string) => parseField(t, FIELDS.steps, 'Steps');
const parseDataSize = (t: string) => parseField(t, FIELDS.dataSize, 'N');
const parseSeed = (t: string) => parseField(t, FIELDS.seed, 'Seed');

/** One colour scale over the shown maps (named in `shownKey`, comma-separated). */
function colourMapOf(maps: Landscape2D | null, shownKey: string) {
  if (!maps) return null;
  const names = MAPS_2D.filter((name) => shownKey.split(',').includes(name));
  return sharedColourMap(names.map((name) => maps[name]));
}

export function Landscape2DPanel({ state, dispatch }: Props) {
  const s = state.landscape2d;
  const source = lossSource2D(s.loss);
  const compiled = useMemo(() => (source === null ? null : compileLoss2D(source)), [source]);
  const lossFn = compiled?.ok ? compiled.fn : null;
  const lossError = source === null ? 'Unknown 2-D preset.' : compiled && !compiled.ok ? compiled.error.message : null;

  const range: ViewRange = { xFrom: s.xFrom, xTo: s.xTo, yFrom: s.yFrom, yTo: s.yTo };
  const [sectionRef, seen] = useSeenOnce<HTMLElement>();
  const result = useMaps2D(source !== null && lossFn ? { expression: source, ...range, points: s.points, sigma: s.sigma, rho: s.rho } : null, !seen);
  const maps = result.maps;

  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>(900);
  // Four across when each gets 220 px, else two, else (a phone) one: two 140 px maps side by side were
  // wider than a 390 px screen's panel.
  const across = (mapSize: number, n: number) => n * (mapSize + MAP_MARGIN.left + MAP_MARGIN.right) + (n - 1) * MAP_GAP;
  const columns = gridWidth >= across(220, 4) ? 4 : gridWidth >= across(MIN_MAP_SIZE, 2) ? 2 : 1;
  const size = Math.max(MIN_MAP_SIZE, Math.min(MAX_MAP_SIZE, Math.floor((gridWidth - (columns - 1) * MAP_GAP) / columns) - MAP_MARGIN.left - MAP_MARGIN.right));
  // Square pixels: the taller side of the view gets the full size.
  const aspect = (s.yTo - s.yFrom) / (s.xTo - s.xFrom);
  const width = aspect > 1 ? Math.max(60, Math.round(size / aspect)) : size;
  const height = aspect > 1 ? size : Math.max(60, Math.round(size * aspect));
  const { xFrom, xTo, yFrom, yTo } = s;
  const geometry = useMemo(() => mapGeometry({ xFrom, xTo, yFrom, yTo }, width, height), [xFrom, xTo, yFrom, yTo, width, height]);

  const shownKey = MAPS_2D.filter((name) => s.visible[name]).join(',');
  const cmap = useMemo(() => colourMapOf(maps, shownKey), [maps, shownKey]);
  const thresholds = useMemo(() => (cmap ? contourThresholds(cmap, 12) : []), [cmap]);

  const { startX, startY, learningRate, steps, dataSize, seed, rho } = s;
  const paths = useMemo((): { paths: OptimizerPath[]; error: string | null } => {
    if (!lossFn) return { paths: [], error: null };
    try {
      return { paths: runAllPaths(lossFn, startX, startY, { ...DEFAULT_PATH_SETTINGS, learningRate, steps, rho, dataSize, seed }), error: null };
    } catch (e) {
      return { paths: [], error: `The optimizer paths could not be computed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [lossFn, startX, startY, learningRate, steps, rho, dataSize, seed]);
  const shownPaths = paths.paths.filter((p) => s.paths[p.name]);
  const step = usePathAnimation(`${source}|${startX}|${startY}|${learningRate}|${steps}|${rho}|${dataSize}|${seed}`, steps);

  const setView = (view: ViewRange) => dispatch({ type: 'set2DView', view });
  const zoom = (factor: number) => setView(zoomAbout(range, (s.xFrom + s.xTo) / 2, (s.yFrom + s.yTo) / 2, factor));

  const statusText =
    result.status === 'waiting'
      ? 'computed when the panel is scrolled into view'
      : result.status === 'computing'
      ? result.progress
        ? `computing ${result.progress.stage}… ${Math.round(result.progress.fraction * 100)}%`
        : 'computing…'
      : result.status === 'ready' ? `ready${result.elapsedMs !== null ? ` (${Math.round(result.elapsedMs)} ms, ${result.where})` : ''}` : 'error';
  const errors = [lossError, result.error, paths.error].filter((e): e is string => e !== null);
  const diverged = shownPaths.filter((p) => p.diverged).map((p) => OPTIMIZER_STYLE[p.name].label);

  return (
    <section ref={sectionRef} className="panel landscape2d-panel" data-testid="landscape2d" data-status={result.status} aria-labelledby="landscape2d-title">
      <div className="panel-head">
        <h2 id="landscape2d-title">Two dimensions: the objectives as maps, and optimizers on them</h2>
        <p>Drag the white point to restart the paths; drag a map to pan, scroll to zoom.</p>
        <ExportMenu name="landscape-2d" label="the 2-D landscape panel" data={landscape2dData(result, s, lossFn ? source : null)} />
        <span className="landscape2d-status" data-testid="landscape2d-status" role="status">
          {statusText}
        </span>
      </div>
      <div className="landscape2d-layout">
        <div className="landscape2d-controls">
          <Loss2DControls spec={s.loss} onPreset={(id) => dispatch({ type: 'apply2DPreset', id })} onExpression={(text) => dispatch({ type: 'set2DLossExpression', text })} />
          <LogSlider
            tex={String.raw`\sigma`}
            name="σ, posterior standard deviation (2-D)"
            hint="expected and relaxed maps"
            value={s.sigma}
            range={SIGMA_SLIDER}
            parse={parseSigma}
            onChange={(v) => dispatch({ type: 'set2DSigma', sigma: v })}
            testId="sigma2d"
          />
          <LogSlider
            tex={String.raw`\rho`}
            name="ρ, SAM radius (2-D)"
            hint="sam map, SAM and bSAM paths"
            value={s.rho}
            range={RHO_SLIDER}
            parse={parseRho}
            onChange={(v) => dispatch({ type: 'set2DRho', rho: v })}
            testId="rho2d"
          />
          <fieldset className="control landscape2d-toggles">
            <legend className="control-label">Maps</legend>
            {MAPS_2D.map((name) => (
              <label key={name}>
                <input type="checkbox" data-testid={`show-map2d-${name}`} checked={s.visible[name]} onChange={(e) => dispatch({ type: 'patch2D', patch: { visible: { [name]: e.target.checked } } })} />
                {MAP_TOGGLE_LABELS[name]}
              </label>
            ))}
          </fieldset>
          <fieldset className="control landscape2d-toggles">
            <legend className="control-label">Optimizer paths</legend>
            {PATH_OPTIMIZERS.map((name) => (
              <label key={name}>
                <input type="checkbox" data-testid={`show-path2d-${name}`} checked={s.paths[name]} onChange={(e) => dispatch({ type: 'patch2D', patch: { paths: { [name]: e.target.checked } } })} />
                <svg width={22} height={8} aria-hidden="true">
                  <line x1={1} x2={21} y1={4} y2={4} stroke={OPTIMIZER_STYLE[name].color} strokeWidth={2} strokeDasharray={OPTIMIZER_STYLE[name].dash} />
                </svg>
                {OPTIMIZER_STYLE[name].label}
              </label>
            ))}
            <div className="landscape2d-fields">
              <label>
                <span>step size α</span>
                <NumberField id="lr2d" label="Learning rate α of the 2-D paths" value={s.learningRate} parse={parseLearningRate} onCommit={(v) => dispatch({ type: 'patch2D', patch: { learningRate: v } })} testId="lr2d" />
              </label>
              <label>
                <span>steps</span>
                <NumberField id="steps2d" label="Steps of the 2-D paths" value={s.steps} parse={parseSteps} onCommit={(v) => dispatch({ type: 'patch2D', patch: { steps: v } })} testId="steps2d" />
              </label>
              <label>
                <span>bSAM N</span>
                <NumberField id="n2d" label="bSAM pseudo data size N" value={s.dataSize} parse={parseDataSize} onCommit={(v) => dispatch({ type: 'patch2D', patch: { dataSize: v } })} testId="n2d" />
              </label>
              <label>
                <span>seed</span>
                <NumberField id="seed2d" label="Seed of bSAM's noise" value={s.seed} parse={parseSeed} onCommit={(v) => dispatch({ type: 'patch2D', patch: { seed: v } })} testId="seed2d" />
              </label>
            </div>
            <p className="hint">
              Start ({formatNumber(s.startX)}, {formatNumber(s.startY)}). bSAM&rsquo;s ellipses show its posterior N(w, 1/(N·s)) at 1 std.
            </p>
          </fieldset>
        </div>
        <div className="landscape2d-maps-column">
          <div className="landscape2d-toolbar">
            <button type="button" data-testid="zoom2d-in" onClick={() => zoom(1 / 1.5)}>
              Zoom in
            </button>
            <button type="button" data-testid="zoom2d-out" onClick={() => zoom(1.5)}>
              Zoom out
            </button>
            <button type="button" data-testid="reset2d-view" onClick={() => dispatch({ type: 'reset2DView' })}>
              Reset view
            </button>
            <span className="hint" data-testid="view2d">
              x ∈ [{formatNumber(s.xFrom)}, {formatNumber(s.xTo)}], y ∈ [{formatNumber(s.yFrom)}, {formatNumber(s.yTo)}]
            </span>
            {cmap && (
              <svg
                className="landscape2d-scale"
                data-testid="scale2d"
                width={COLOUR_BAR_LENGTH + 12 + HORIZONTAL_BAR_SPACE.right}
                height={HORIZONTAL_BAR_SPACE.above + HORIZONTAL_BAR_SPACE.below}
                role="img"
                aria-label={`colour: ${formatNumber(cmap.lo)} (dark) to ${formatNumber(cmap.hi)} (light)${cmap.clippedAbove ? ', higher values clipped' : ''}`}
              >
                <g transform={`translate(12,${HORIZONTAL_BAR_SPACE.above})`}>
                  <ColourBar cmap={cmap} title="value, shared by the maps" length={COLOUR_BAR_LENGTH} orientation="horizontal" />
                </g>
              </svg>
            )}
          </div>
          <div className="landscape2d-maps" ref={gridRef} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
            {MAPS_2D.filter((name) => s.visible[name]).map((name, k) => (
              <MapView
                key={name}
                name={name}
                title={mapTitle(name, s.sigma, s.rho)}
                geometry={geometry}
                maps={maps}
                cmap={cmap}
                thresholds={thresholds}
                paths={shownPaths}
                step={step}
                start={{ x: s.startX, y: s.startY }}
                focusable={k === 0}
                computing={result.status === 'computing'}
                onStart={(x, y) => dispatch({ type: 'set2DStart', x, y })}
                onView={setView}
              />
            ))}
          </div>
          {errors.length > 0 && (
            <ul className="landscape2d-errors" data-testid="landscape2d-errors" role="alert">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
          {result.workerFailure && (
            <p className="landscape2d-warning" role="alert" data-testid="landscape2d-worker-failure">
              {result.workerFailure}
            </p>
          )}
          {((maps && maps.warnings.length > 0) || diverged.length > 0) && (
            <ul className="landscape2d-warnings" data-testid="landscape2d-warnings">
              {maps?.warnings.map((w) => <li key={w}>{w}</li>)}
              {diverged.length > 0 && <li>{diverged.join(', ')} diverged (a non-finite loss or step): try a smaller step size α.</li>}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
