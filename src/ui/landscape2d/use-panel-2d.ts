/**
 * What the 2-D panel derives from its state: the compiled loss, the maps (from the worker, once the panel
 * is near the viewport), their shared colour scale and contour levels, the grid's layout and the geometry
 * of one map, and the optimizer paths with their animation step.
 */
import { useMemo } from 'react';
import { DEFAULT_PATH_SETTINGS, runAllPaths } from '../../math/landscape2d/paths.ts';
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import type { Landscape2D } from '../../math/landscape2d/types.ts';
import { compileLoss2D, lossSource2D } from '../../math/landscape2d/loss2d.ts';
import type { Landscape2DState } from '../../state/experiment.ts';
import { MAPS_2D } from '../../state/experiment.ts';
import { contourThresholds } from '../kit/colour.ts';
import { useElementWidth } from '../kit/use-element-width.ts';
import { useSeenOnce } from '../kit/use-seen-once.ts';
import { mapGridLayout } from './map-layout.ts';
import { mapGeometry, sharedColourMap } from './render-2d.ts';
import { useMaps2D } from './use-maps-2d.ts';
import { usePathAnimation } from './use-path-animation.ts';

type State2D = Landscape2DState;

/** The loss's source text and compiled function, or why there is none. */
export function useLoss2D(loss: State2D['loss']) {
  const source = lossSource2D(loss);
  const compiled = useMemo(() => (source === null ? null : compileLoss2D(source)), [source]);
  const lossFn = compiled?.ok ? compiled.fn : null;
  const lossError = source === null ? 'Unknown 2-D preset.' : compiled && !compiled.ok ? compiled.error.message : null;
  return { source, lossFn, lossError };
}

/** One colour scale over the shown maps (named in `shownKey`, comma-separated). */
function colourMapOf(maps: Landscape2D | null, shownKey: string) {
  if (!maps) return null;
  const names = MAPS_2D.filter((name) => shownKey.split(',').includes(name));
  return sharedColourMap(names.map((name) => maps[name]));
}

/** The maps, computed in a worker only once the section has come near the viewport; their colours and layout. */
export function useMapsView(s: State2D, source: string | null, hasLoss: boolean) {
  const [sectionRef, seen] = useSeenOnce<HTMLElement>();
  const { xFrom, xTo, yFrom, yTo } = s;
  const result = useMaps2D(source !== null && hasLoss ? { expression: source, xFrom, xTo, yFrom, yTo, points: s.points, sigma: s.sigma, rho: s.rho } : null, !seen);
  const maps = result.maps;
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>(900);
  const { columns, width, height } = mapGridLayout(gridWidth, s);
  const geometry = useMemo(() => mapGeometry({ xFrom, xTo, yFrom, yTo }, width, height), [xFrom, xTo, yFrom, yTo, width, height]);
  const shown = MAPS_2D.filter((name) => s.visible[name]);
  const shownKey = shown.join(',');
  const cmap = useMemo(() => colourMapOf(maps, shownKey), [maps, shownKey]);
  const thresholds = useMemo(() => (cmap ? contourThresholds(cmap, 12) : []), [cmap]);
  return { sectionRef, gridRef, result, maps, columns, geometry, shown, cmap, thresholds };
}

/** The optimizer paths (cheap, on the main thread, so dragging the start replays them at once) and their animation. */
export function useOptimizerPaths(s: State2D, source: string | null, lossFn: ReturnType<typeof useLoss2D>['lossFn']) {
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
  return { shownPaths, step, error: paths.error };
}
