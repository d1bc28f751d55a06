/**
 * Clicking on the boundary plot edits the data: on (or near) a point removes it, elsewhere adds a point of
 * the chosen class. The edits are kept in the experiment state (dataset.added / dataset.removed), so they
 * survive reset, re-init and permalinks; these pure helpers turn a click into that state change.
 */
import { MAX_ADDED_POINTS, type TrainingConfig } from '../../state/training.ts';
import { decodeOrigin, type Point, type PointOrigin } from '../../train/datasets.ts';
import type { DataSnapshot } from '../../worker/train-protocol.ts';

/** How close (CSS pixels) a click must be to a point to remove it rather than add one. */
export const HIT_RADIUS_PX = 8;

export interface ScreenPoint {
  px: number;
  py: number;
  origin: PointOrigin;
}

/** The origin of the point nearest (px, py) within `radius` pixels, or null. */
export function hitPoint(points: readonly ScreenPoint[], px: number, py: number, radius = HIT_RADIUS_PX): PointOrigin | null {
  let best: PointOrigin | null = null;
  let bestDistance = radius * radius;
  for (const p of points) {
    const d = (p.px - px) ** 2 + (p.py - py) ** 2;
    if (d <= bestDistance) {
      best = p.origin;
      bestDistance = d;
    }
  }
  return best;
}

type DatasetState = TrainingConfig['dataset'];
export type DatasetEditPatch = Pick<Partial<DatasetState>, 'added' | 'removed'>;

/** Coordinates are stored to 4 decimals: plenty for a click, and permalinks stay short. */
const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** The state change that adds a training point; null when the list is full. */
export function addPointPatch(dataset: DatasetState, point: Point): DatasetEditPatch | null {
  if (dataset.added.length >= MAX_ADDED_POINTS) return null;
  return { added: [...dataset.added, { x: round(point.x), y: round(point.y), label: point.label }] };
}

/** The state change that removes the point with this origin (an added one leaves the list, a generated one is excluded). */
export function removePointPatch(dataset: DatasetState, origin: PointOrigin): DatasetEditPatch | null {
  const o = decodeOrigin(origin);
  if (o.kind === 'added') {
    if (o.index >= dataset.added.length) return null;
    return { added: dataset.added.filter((_, k) => k !== o.index) };
  }
  if (dataset.removed.includes(o.index)) return null;
  return { removed: [...dataset.removed, o.index].sort((a, b) => a - b) };
}

/** Whether the dataset carries any edits. */
export function hasEdits(dataset: DatasetState): boolean {
  return dataset.added.length > 0 || dataset.removed.length > 0;
}

/** The training then the test points in canvas pixels, with their origins (what a click is matched against). */
export function screenPoints(data: Pick<DataSnapshot, 'train' | 'test' | 'trainOrigins' | 'testOrigins'>, x: (v: number) => number, y: (v: number) => number): ScreenPoint[] {
  return [
    ...data.train.map((p, i) => ({ px: x(p.x), py: y(p.y), origin: data.trainOrigins[i] })),
    ...data.test.map((p, i) => ({ px: x(p.x), py: y(p.y), origin: data.testOrigins[i] })),
  ];
}

/** Where the added points are drawn ("px,py;…", one decimal), for the e2e tests. */
export function addedPixels(points: readonly ScreenPoint[]): string {
  return points
    .filter((p) => p.origin < 0)
    .map((p) => `${p.px.toFixed(1)},${p.py.toFixed(1)}`)
    .join(';');
}
