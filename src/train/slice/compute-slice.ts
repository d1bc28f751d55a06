/**
 * The loss landscape of a trained network along one or two directions through its mean weights w:
 *   θ(a, b) = w + a·d₁ + b·d₂,  a, b ∈ [−span, span],
 * with, over the slice,
 *   - the training loss ℓ(θ),
 *   - the expected loss under bSAM's posterior, E_e[ℓ(θ + std ⊙ e)], by Monte Carlo with the SAME `samples`
 *     draws e at every grid point (common random numbers: the surface is smooth, not speckled by noise),
 *   - SAM's max-loss over the ρ-ball, to first order as SAM itself computes it: ℓ(θ + ρ·∇ℓ(θ)/‖∇ℓ(θ)‖).
 * A generator, so the worker can report progress and stop between rows. It computes a contiguous range of
 * the grid's cells, so several workers can share one slice (merge-slice.ts puts the parts back together).
 */
import { seededNormal } from '../../math/random.ts';
import { ArenaMlp } from '../dense/arena-mlp.ts';
import { filterNormalisedDirection, largestVarianceDirection, type SliceDirection } from './directions.ts';
import type { NetworkSnapshot } from './snapshot.ts';

export interface SliceSettings {
  dims: 1 | 2;
  /** The first axis: a filter-normalised random direction, or bSAM's largest-posterior-variance direction. */
  axis: 'random' | 'variance';
  /** Grid points per axis. */
  points: number;
  /** Each axis runs over [−span, span]. */
  span: number;
  /** Posterior samples per grid point for the expected loss. */
  samples: number;
  /** SAM's radius. */
  rho: number;
  /** Seed of the random directions and of the posterior samples. */
  seed: number;
}

export interface SliceResult {
  dims: 1 | 2;
  /** Coordinates along each axis (the same for both axes of a 2-D slice). */
  coords: Float32Array;
  xLabel: string;
  yLabel: string | null;
  /** points (1-D) or points × points row-major, row i at the second axis' coords[i]. */
  loss: Float32Array;
  /** Null when the network has no posterior (not bSAM). */
  expected: Float32Array | null;
  sam: Float32Array;
  samples: number;
  rho: number;
  step: number;
  /** The cells computed: loss, expected and sam hold cells [from, to) of the grid, in row-major order. */
  range: SliceRange;
}

/** Row-major cell indices [from, to) of a slice's grid. */
export interface SliceRange {
  from: number;
  to: number;
}

/** The number of grid cells: points (1-D) or points² (2-D). */
export function sliceCells(settings: Pick<SliceSettings, 'dims' | 'points'>): number {
  return settings.dims === 2 ? settings.points * settings.points : settings.points;
}

/** Why these settings cannot be sliced for this network, or null. */
export function sliceProblem(snapshot: NetworkSnapshot, settings: SliceSettings, range?: SliceRange): string | null {
  if (settings.axis === 'variance' && !snapshot.posteriorStd) return 'the largest-variance direction needs a posterior: train with bSAM';
  if (!Number.isInteger(settings.points) || settings.points < 2 || settings.points > 201) return 'points per axis must be an integer from 2 to 201';
  if (!(settings.span > 0) || !Number.isFinite(settings.span)) return 'the span must be a positive number';
  if (!Number.isInteger(settings.samples) || settings.samples < 1 || settings.samples > 256) return 'posterior samples must be an integer from 1 to 256';
  if (!(settings.rho >= 0) || !Number.isFinite(settings.rho)) return 'ρ must be a non-negative number';
  if (snapshot.labels.length === 0) return 'the network has no training data to evaluate the loss on';
  if (range) {
    const cells = sliceCells(settings);
    const { from, to } = range;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from >= to || to > cells) {
      return `the cell range [${from}, ${to}) is not a non-empty part of the grid's ${cells} cells`;
    }
  }
  return null;
}

/**
 * Yields the fraction of `range` done about once per grid row's worth of cells (so a cancel is seen promptly);
 * returns the slice over `range` (default: the whole grid). The directions, coordinates and posterior samples
 * depend only on the snapshot and settings, so every range of one slice uses the same ones and the parts
 * computed by different workers agree exactly with the whole.
 */
export function* computeSlice(snapshot: NetworkSnapshot, settings: SliceSettings, range?: SliceRange): Generator<number, SliceResult> {
  const problem = sliceProblem(snapshot, settings, range);
  if (problem) throw new Error(problem);
  const { points, span, samples, rho } = settings;
  const { from, to } = range ?? { from: 0, to: sliceCells(settings) };
  const first: SliceDirection =
    settings.axis === 'variance' ? (largestVarianceDirection(snapshot) as SliceDirection) : filterNormalisedDirection(snapshot, settings.seed);
  const second = settings.dims === 2 ? filterNormalisedDirection(snapshot, settings.seed + 1) : null;
  const coords = Float32Array.from({ length: points }, (_, i) => -span + (2 * span * i) / (points - 1));

  const rows = snapshot.labels.length;
  const P = snapshot.weights.length;
  const std = snapshot.posteriorStd;
  const sampleCount = std ? samples : 0;
  // The weights, directions, θ and the posterior offsets live in the network's arena, so that moving the
  // parameters (about 20 times a grid point) is the kernel's SIMD axpy; each buffer is padded to 4 floats.
  const padded = Math.ceil(P / 4) * 4;
  const mlp = new ArenaMlp({ sizes: snapshot.sizes, activation: snapshot.activation, maxRows: rows, scratch: (4 + sampleCount) * padded });
  mlp.setData(snapshot.inputs, snapshot.labels, rows);
  const { arena } = mlp;
  const inArena = (values: ArrayLike<number>) => {
    const buffer = arena.alloc(P);
    buffer.set(values);
    return buffer;
  };
  const weights = inArena(snapshot.weights);
  const d1 = inArena(first.vector);
  const d2 = second ? inArena(second.vector) : null;
  // std ⊙ e for each posterior sample, drawn once for the whole slice.
  const draw = seededNormal(settings.seed ^ 0x5bd1e995);
  const offsets = std ? Array.from({ length: samples }, () => inArena(Float32Array.from(std, (s) => s * draw()))) : [];

  const count = to - from;
  const loss = new Float32Array(count);
  const expected = std ? new Float32Array(count) : null;
  const sam = new Float32Array(count);
  const theta = arena.alloc(P);
  for (let cell = from; cell < to; cell++) {
    // Row-major: the column is the first axis' coordinate, the row the second's (0 for a 1-D slice).
    const a = coords[cell % points];
    const b = second ? coords[Math.floor(cell / points)] : 0;
    const k = cell - from;
    arena.axpy(theta, weights, d1, a, P);
    if (d2) arena.axpy(theta, theta, d2, b, P);

    mlp.params.set(theta);
    loss[k] = mlp.lossAndGradient();
    let norm = 0;
    for (let i = 0; i < P; i++) norm += mlp.gradient[i] * mlp.gradient[i];
    const scale = norm > 0 ? rho / Math.sqrt(norm) : 0;
    arena.axpy(mlp.params, theta, mlp.gradient, scale, P);
    sam[k] = mlp.loss();

    if (expected) {
      let sum = 0;
      for (const offset of offsets) {
        arena.axpy(mlp.params, theta, offset, 1, P);
        sum += mlp.loss();
      }
      expected[k] = sum / samples;
    }
    if ((k + 1) % points === 0 || k + 1 === count) yield (k + 1) / count;
  }
  return {
    dims: settings.dims,
    coords,
    xLabel: first.label,
    yLabel: second?.label ?? null,
    loss,
    expected,
    sam,
    samples,
    rho,
    step: snapshot.step,
    range: { from, to },
  };
}

/** Runs a slice (by default the whole grid) to the end (CLI, tests). */
export function computeSliceNow(snapshot: NetworkSnapshot, settings: SliceSettings, range?: SliceRange): SliceResult {
  const it = computeSlice(snapshot, settings, range);
  for (;;) {
    const next = it.next();
    if (next.done) return next.value;
  }
}
