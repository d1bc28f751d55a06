/** The 2-D panel's status line and its lists of problems, from the maps' state and the paths. */
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import { OPTIMIZER_STYLE } from './optimizer-style.ts';
import type { Maps2DState } from './use-maps-2d.ts';

export function mapsStatusText(result: Pick<Maps2DState, 'status' | 'progress' | 'elapsedMs' | 'where'>): string {
  switch (result.status) {
    case 'waiting':
      return 'computed when the panel is scrolled into view';
    case 'computing':
      return result.progress ? `computing ${result.progress.stage}… ${Math.round(result.progress.fraction * 100)}%` : 'computing…';
    case 'ready':
      return `ready${result.elapsedMs !== null ? ` (${Math.round(result.elapsedMs)} ms, ${result.where})` : ''}`;
    default:
      return 'error';
  }
}

/** The labels of the shown paths that diverged. */
export function divergedLabels(shown: readonly OptimizerPath[]): string[] {
  return shown.filter((p) => p.diverged).map((p) => OPTIMIZER_STYLE[p.name].label);
}
