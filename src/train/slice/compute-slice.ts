/**
 * The loss landscape of a trained network along one or two directions through its mean weights w:
 *   θ(a, b) = w + a·d₁ + b·d₂,  a, b ∈ [−span, span],
 * with, over the slice,
 *   - the training loss ℓ(θ),
 *   - the expected loss under bSAM's posterior, E_e[ℓ(θ + std ⊙ e)], by Monte Carlo with the SAME `samples`
 *     draws e at every grid point (common random numbers: the surface is smooth, not speckled by noise),
 *   - SAM's max-loss over the ρ-ball, to first order as SAM itself computes it: ℓ(θ + ρ·∇ℓ(θ)/‖∇ℓ(θ)‖).
 * A generator, so the worker can report progress and stop between rows.
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
}

/** Why these settings cannot be sliced for this network, or null. */
export function sliceProblem(snapshot: NetworkSnapshot, settings: SliceSettings): string | null {
  if (settings.axis === 'variance' && !snapshot.posteriorStd) return 'the largest-variance direction needs a posterior: train with bSAM';
  if (!Number.isInteger(settings.points) || settings.points < 2 || settings.points > 201) return 'points per axis must be an integer from 2 to 201';
  if (!(settings.span > 0) || !Number.isFinite(settings.span)) return 'the span must be a positive number';
  if (!Number.isInteger(settings.samples) || settings.samples < 1 || settings.samples > 256) return 'posterior samples must be an integer from 1 to 256';
  if (!(settings.rho >= 0) || !Number.isFinite(settings.rho)) return 'ρ must be a non-negative number';
  if (snapshot.labels.length === 0) return 'the network has no training data to evaluate the loss on';
  return null;
}

/** Yields the fraction done after each row of the grid; returns the slice. */
export function* computeSlice(snapshot: NetworkSnapshot, settings: SliceSettings): Generator<number, SliceResult> {
  const problem = sliceProblem(snapshot, settings);
  if (problem) throw new Error(problem);
  const { points, span, samples, rho } = settings;
  const first: SliceDirection =
    settings.axis === 'variance' ? (largestVarianceDirection(snapshot) as SliceDirection) : filterNormalisedDirection(snapshot, settings.seed);
  const second = settings.dims === 2 ? filterNormalisedDirection(snapshot, settings.seed + 1) : null;
  const coords = Float32Array.from({ length: points }, (_, i) => -span + (2 * span * i) / (points - 1));

  const rows = snapshot.labels.length;
  const mlp = new ArenaMlp({ sizes: snapshot.sizes, activation: snapshot.activation, maxRows: rows });
  mlp.setData(snapshot.inputs, snapshot.labels, rows);
  const P = snapshot.weights.length;
  const std = snapshot.posteriorStd;
  // std ⊙ e for each posterior sample, drawn once for the whole slice.
  const draw = seededNormal(settings.seed ^ 0x5bd1e995);
  const offsets = std ? Array.from({ length: samples }, () => Float32Array.from(std, (s) => s * draw())) : [];

  const cells = settings.dims === 2 ? points * points : points;
  const loss = new Float32Array(cells);
  const expected = std ? new Float32Array(cells) : null;
  const sam = new Float32Array(cells);
  const theta = new Float32Array(P);
  const lines = settings.dims === 2 ? points : 1;
  for (let line = 0; line < lines; line++) {
    const b = second ? coords[line] : 0;
    for (let col = 0; col < points; col++) {
      const a = coords[col];
      const cell = line * points + col;
      for (let i = 0; i < P; i++) theta[i] = snapshot.weights[i] + a * first.vector[i] + (second ? b * second.vector[i] : 0);

      mlp.params.set(theta);
      loss[cell] = mlp.lossAndGradient();
      let norm = 0;
      for (let i = 0; i < P; i++) norm += mlp.gradient[i] * mlp.gradient[i];
      const scale = norm > 0 ? rho / Math.sqrt(norm) : 0;
      for (let i = 0; i < P; i++) mlp.params[i] = theta[i] + scale * mlp.gradient[i];
      sam[cell] = mlp.loss();

      if (expected) {
        let sum = 0;
        for (const offset of offsets) {
          for (let i = 0; i < P; i++) mlp.params[i] = theta[i] + offset[i];
          sum += mlp.loss();
        }
        expected[cell] = sum / samples;
      }
    }
    yield (line + 1) / lines;
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
  };
}

/** Runs a slice to the end (CLI, tests). */
export function computeSliceNow(snapshot: NetworkSnapshot, settings: SliceSettings): SliceResult {
  const it = computeSlice(snapshot, settings);
  for (;;) {
    const next = it.next();
    if (next.done) return next.value;
  }
}
