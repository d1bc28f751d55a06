/** What a map draws of one optimizer path up to the animation's step: the polyline, bSAM's ellipses, the end dot. */
import type { OptimizerPath } from '../../math/landscape2d/paths.ts';
import type { MapGeometry } from './render-2d.ts';

/** How many bSAM posterior ellipses a full path shows. */
export const ELLIPSES = 12;

export interface Ellipse {
  k: number;
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

export interface PathMarksGeometry {
  /** The SVG path of the steps drawn so far. */
  d: string;
  /** One std of the posterior at every few steps (bSAM only). */
  ellipses: Ellipse[];
  /** The dot at the last step drawn. */
  head: [number, number];
}

export function pathMarks(path: OptimizerPath, step: number, { x, y }: Pick<MapGeometry, 'x' | 'y'>): PathMarksGeometry {
  const last = Math.min(step, path.x.length - 1);
  let d = '';
  for (let k = 0; k <= last; k++) d += `${k === 0 ? 'M' : 'L'}${x(path.x[k]).toFixed(1)},${y(path.y[k]).toFixed(1)}`;
  const ellipses: Ellipse[] = [];
  const { stdX, stdY } = path;
  if (stdX && stdY) {
    const every = Math.max(1, Math.round((path.x.length - 1) / ELLIPSES));
    for (let k = 0; k <= last; k += every) {
      const [cx, cy] = [x(path.x[k]), y(path.y[k])];
      ellipses.push({ k, cx, cy, rx: Math.abs(x(path.x[k] + stdX[k]) - cx), ry: Math.abs(y(path.y[k] + stdY[k]) - cy) });
    }
  }
  return { d, ellipses, head: [x(path.x[last]), y(path.y[last])] };
}
