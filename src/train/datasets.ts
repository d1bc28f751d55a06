/**
 * Seeded 2-D classification datasets (the same seed gives the same points), test splits, label noise,
 * and the points a user adds or removes by clicking. Plain arrays: no tfjs needed to make data.
 */
import { seededNormal, seededUniform } from '../math/random.ts';

export const DATASET_KINDS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export interface Point {
  x: number;
  y: number;
  /** Class index 0 … classes−1. */
  label: number;
}

/**
 * Where a point of an edited dataset came from, so a click on it can be undone in the state: an index ≥ 0 is
 * a generated (or imported) point, its index into [...train, ...test] of the unedited dataset; −(k+1) is
 * the k-th added point.
 */
export type PointOrigin = number;

export const addedOrigin = (k: number): PointOrigin => -(k + 1);
export function decodeOrigin(origin: PointOrigin): { kind: 'generated'; index: number } | { kind: 'added'; index: number } {
  return origin >= 0 ? { kind: 'generated', index: origin } : { kind: 'added', index: -origin - 1 };
}

export interface Dataset {
  train: Point[];
  test: Point[];
  classes: number;
  /** The origin of each point (same order as train and test); absent means unedited (index = position). */
  origins?: { train: PointOrigin[]; test: PointOrigin[] };
}

/**
 * Labelled rows as the engines train on them: `x` holds `labels.length` rows of `inputDim` values, row-major
 * (the 2-D datasets as (x, y) pairs, 28×28 images as 784 pixels in [0, 1]).
 */
export interface ArraySplit {
  x: Float32Array;
  labels: Int32Array;
}

/** A dataset of any input width and class count: what both training engines take (see tabulate for 2-D points). */
export interface ArrayDataset {
  inputDim: number;
  /** Class labels are 0 … classes − 1; 2 classes train one logistic output, more a softmax. */
  classes: number;
  train: ArraySplit;
  test: ArraySplit;
}

/** Points as rows of (x, y). */
export function pointRows(points: readonly Point[]): ArraySplit {
  const x = new Float32Array(2 * points.length);
  const labels = new Int32Array(points.length);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    labels[i] = p.label;
  });
  return { x, labels };
}

/** A 2-D point dataset as the engines' arrays. */
export function tabulate(data: Dataset): ArrayDataset {
  return { inputDim: 2, classes: data.classes, train: pointRows(data.train), test: pointRows(data.test) };
}

/** Why a dataset cannot be trained on, or null: shapes that disagree, labels outside the classes. */
export function arrayDatasetProblem(data: ArrayDataset): string | null {
  if (!Number.isInteger(data.inputDim) || data.inputDim < 1) return `the input width must be a whole number ≥ 1, not ${data.inputDim}`;
  if (!Number.isInteger(data.classes) || data.classes < 2) return `a classifier needs at least 2 classes, not ${data.classes}`;
  for (const name of ['train', 'test'] as const) {
    const split = data[name];
    if (split.x.length !== split.labels.length * data.inputDim) return `${name}: ${split.x.length} inputs are not ${split.labels.length} rows of ${data.inputDim}`;
    const bad = split.labels.findIndex((c) => c < 0 || c >= data.classes);
    if (bad >= 0) return `${name}: label ${split.labels[bad]} of row ${bad} is outside 0 … ${data.classes - 1}`;
  }
  if (data.train.labels.length === 0) return 'the training split is empty';
  return null;
}

/** The user's edits of a dataset, as kept in the experiment state. */
export interface DatasetEdits {
  added: readonly Point[];
  removed: readonly number[];
}

export interface DatasetSpec {
  /** A generated kind, or 'custom': the imported `points`. */
  kind: DatasetKind | 'custom';
  /** Total points before the split. */
  size: number;
  /** Standard deviation of the Gaussian jitter added to each coordinate. */
  noise: number;
  /** Fraction of points held out for testing, in [0, 0.9]. */
  testFraction: number;
  /** Fraction of training labels replaced by another class, in [0, 0.5]. */
  labelNoise: number;
  /** Number of classes for blobs and spiral (moons, circles and xor have 2). */
  classes: number;
  seed: number;
  /** The imported points of a 'custom' dataset (no jitter is added to them). */
  points?: readonly Point[];
  /** Clicked-in and clicked-out points, applied after the split (see applyEdits). */
  added?: readonly Point[];
  removed?: readonly number[];
}

/** Points of one kind before noise, split as evenly as possible between the classes. */
function shapes(kind: DatasetKind, size: number, classes: number, uniform: () => number): Point[] {
  const out: Point[] = [];
  const perClass = (c: number, k: number) => Math.floor(size / k) + (c < size % k ? 1 : 0);
  switch (kind) {
    case 'moons':
      // scikit-learn's layout: an upper half circle and a lower one shifted right and up.
      for (let c = 0; c < 2; c++) {
        const n = perClass(c, 2);
        for (let i = 0; i < n; i++) {
          const t = (Math.PI * i) / Math.max(1, n - 1);
          out.push(c === 0 ? { x: Math.cos(t), y: Math.sin(t), label: 0 } : { x: 1 - Math.cos(t), y: 0.5 - Math.sin(t), label: 1 });
        }
      }
      return out;
    case 'circles':
      for (let c = 0; c < 2; c++) {
        const n = perClass(c, 2);
        const r = c === 0 ? 1 : 0.5;
        for (let i = 0; i < n; i++) {
          const t = (2 * Math.PI * i) / n;
          out.push({ x: r * Math.cos(t), y: r * Math.sin(t), label: c });
        }
      }
      return out;
    case 'xor':
      for (let i = 0; i < size; i++) {
        const x = 2 * uniform() - 1;
        const y = 2 * uniform() - 1;
        out.push({ x, y, label: x * y > 0 ? 1 : 0 });
      }
      return out;
    case 'spiral':
      for (let c = 0; c < classes; c++) {
        const n = perClass(c, classes);
        for (let i = 0; i < n; i++) {
          const r = i / Math.max(1, n - 1);
          const t = 1.75 * 2 * Math.PI * r + (2 * Math.PI * c) / classes;
          out.push({ x: r * Math.cos(t), y: r * Math.sin(t), label: c });
        }
      }
      return out;
    case 'blobs':
      for (let c = 0; c < classes; c++) {
        const n = perClass(c, classes);
        const t = (2 * Math.PI * c) / classes;
        for (let i = 0; i < n; i++) out.push({ x: 1.5 * Math.cos(t), y: 1.5 * Math.sin(t), label: c });
      }
      return out;
  }
}

/** Classes of an imported point set: one more than the largest label, at least 2. */
export function customClasses(points: readonly Point[]): number {
  return Math.max(2, ...points.map((p) => p.label + 1));
}

/**
 * The dataset of a spec: generated (or imported), shuffled, split and label-noised with the seed, then the
 * user's edits applied. The edits ride along in the spec so that every caller (the run, the CLI) sees the
 * same edited data the boundary plot shows.
 */
export function makeDataset(spec: DatasetSpec): Dataset {
  return applyEdits(generateDataset(spec), { added: spec.added ?? [], removed: spec.removed ?? [] });
}

function generateDataset(spec: DatasetSpec): Dataset {
  const uniform = seededUniform(spec.seed);
  const normal = seededNormal(spec.seed ^ 0x5bd1e995);
  let classes: number;
  let points: Point[];
  if (spec.kind === 'custom') {
    const imported = spec.points ?? [];
    classes = customClasses(imported);
    points = imported.map((p) => ({ x: p.x, y: p.y, label: p.label }));
  } else {
    classes = spec.kind === 'blobs' || spec.kind === 'spiral' ? spec.classes : 2;
    points = shapes(spec.kind, spec.size, classes, uniform).map((p) => ({
      x: p.x + spec.noise * normal(),
      y: p.y + spec.noise * normal(),
      label: p.label,
    }));
  }
  // Fisher–Yates with the same stream, then the split: reproducible and class-mixed.
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  const testCount = Math.round(points.length * spec.testFraction);
  const test = points.slice(0, testCount);
  const train = points.slice(testCount).map((p) => {
    if (uniform() >= spec.labelNoise) return p;
    // Another class, uniformly among the others.
    const other = (p.label + 1 + Math.floor(uniform() * (classes - 1))) % classes;
    return { ...p, label: other };
  });
  return { train, test, classes };
}

/**
 * Removes the generated points whose indices (into [...train, ...test]) are in `removed` and appends the
 * added points to the training set, recording every point's origin. Added points with a label the dataset
 * does not have (e.g. after lowering the number of classes) or non-finite coordinates are skipped; removals
 * that would leave no training point at all are ignored (a run needs data).
 */
export function applyEdits(base: Dataset, edits: DatasetEdits): Dataset {
  const removed = new Set(edits.removed);
  const n = base.train.length;
  const kept = (count: number, offset: number) => Array.from({ length: count }, (_, i) => i).filter((i) => !removed.has(offset + i));
  const trainIdx = kept(n, 0);
  const testIdx = kept(base.test.length, n);
  const added: { point: Point; origin: PointOrigin }[] = [];
  edits.added.forEach((p, k) => {
    const valid = Number.isInteger(p.label) && p.label >= 0 && p.label < base.classes && Number.isFinite(p.x) && Number.isFinite(p.y);
    if (valid) added.push({ point: { x: p.x, y: p.y, label: p.label }, origin: addedOrigin(k) });
  });
  const ignoreRemovals = trainIdx.length + added.length === 0;
  const trainKept = ignoreRemovals ? base.train.map((_, i) => i) : trainIdx;
  const testKept = ignoreRemovals ? base.test.map((_, i) => i) : testIdx;
  return {
    classes: base.classes,
    train: [...trainKept.map((i) => base.train[i]), ...added.map((a) => a.point)],
    test: testKept.map((i) => base.test[i]),
    origins: { train: [...trainKept, ...added.map((a) => a.origin)], test: testKept.map((i) => n + i) },
  };
}

/** A point the user added by clicking (to the training set). */
export function addPoint(data: Dataset, point: Point): Dataset {
  if (!Number.isInteger(point.label) || point.label < 0 || point.label >= data.classes) return data;
  return { ...data, train: [...data.train, point] };
}

/** Remove the training point nearest to (x, y) if it lies within `radius`. */
export function removeNearest(data: Dataset, x: number, y: number, radius: number): Dataset {
  let best = -1;
  let bestDistance = radius * radius;
  data.train.forEach((p, i) => {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best < 0 ? data : { ...data, train: data.train.filter((_, i) => i !== best) };
}
