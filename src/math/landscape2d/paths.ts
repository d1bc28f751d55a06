/**
 * Optimizer paths on an analytic 2-D loss: GD, Adam, SAM and bSAM from one start point.
 * Deterministic: bSAM's noise comes from a seeded stream (../random.ts), so the same settings give
 * the same paths in the worker, the tests and the CLI.
 *
 * SAM is theory.md §4 with plain gradient steps as the base optimizer: ε = ρ·g/‖g‖, then a step with
 * the gradient at w + ε. bSAM is theory.md §5 with one sub-batch (K = 1): the "minibatch loss" is the
 * analytic loss itself and N is a pseudo data size, so that the posterior N(w, diag(1/(N·s))) has a
 * visible spread.
 */
import { seededNormal } from '../random.ts';
import type { Loss2D } from './types.ts';

export const OPTIMIZERS_2D = ['gd', 'adam', 'sam', 'bsam'] as const;
export type Optimizer2D = (typeof OPTIMIZERS_2D)[number];

export interface PathSettings {
  learningRate: number;
  steps: number;
  /** SAM and bSAM radius. */
  rho: number;
  /** bSAM pseudo data size N (the posterior std is 1/√(N·s)). */
  dataSize: number;
  seed: number;
  beta1: number;
  beta2: number;
  /** bSAM damping γ and weight decay δ; initial precision s_init. */
  damping: number;
  weightDecay: number;
  sInit: number;
}

export const DEFAULT_PATH_SETTINGS: PathSettings = {
  learningRate: 0.1,
  steps: 200,
  rho: 0.2,
  dataSize: 100,
  seed: 0,
  beta1: 0.9,
  beta2: 0.999,
  damping: 0.1,
  weightDecay: 0,
  sInit: 1,
};

export const MAX_PATH_STEPS = 5000;
/** Adam's ε (the usual default). */
const ADAM_EPS = 1e-8;

export interface OptimizerPath {
  name: Optimizer2D;
  /** Iterates w_0 (the start) … w_T; shorter than steps + 1 if the run diverged. */
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  /** The run stopped early: a non-finite loss, gradient or iterate. */
  diverged: boolean;
  /** bSAM only: the posterior standard deviations 1/√(N·s) per coordinate, per iterate. */
  stdX?: Float64Array;
  stdY?: Float64Array;
}

/** ∇ℓ by central differences with a step relative to the scale of the point. */
export function gradient2D(loss: Loss2D, x: number, y: number): [number, number] {
  const hx = 1e-5 * (1 + Math.abs(x));
  const hy = 1e-5 * (1 + Math.abs(y));
  return [(loss(x + hx, y) - loss(x - hx, y)) / (2 * hx), (loss(x, y + hy) - loss(x, y - hy)) / (2 * hy)];
}

/** One optimizer's state machine: `step` maps the current iterate to the next one. */
interface Stepper {
  step(x: number, y: number): [number, number];
  std?(): [number, number];
}

function gdStepper(loss: Loss2D, s: PathSettings): Stepper {
  return {
    step(x, y) {
      const [gx, gy] = gradient2D(loss, x, y);
      return [x - s.learningRate * gx, y - s.learningRate * gy];
    },
  };
}

function adamStepper(loss: Loss2D, s: PathSettings): Stepper {
  let mx = 0;
  let my = 0;
  let vx = 0;
  let vy = 0;
  let t = 0;
  return {
    step(x, y) {
      const [gx, gy] = gradient2D(loss, x, y);
      t++;
      mx = s.beta1 * mx + (1 - s.beta1) * gx;
      my = s.beta1 * my + (1 - s.beta1) * gy;
      vx = s.beta2 * vx + (1 - s.beta2) * gx * gx;
      vy = s.beta2 * vy + (1 - s.beta2) * gy * gy;
      const c1 = 1 - Math.pow(s.beta1, t);
      const c2 = 1 - Math.pow(s.beta2, t);
      return [x - (s.learningRate * (mx / c1)) / (Math.sqrt(vx / c2) + ADAM_EPS), y - (s.learningRate * (my / c1)) / (Math.sqrt(vy / c2) + ADAM_EPS)];
    },
  };
}

/** The SAM perturbation ρ·g/‖g‖ (zero where the gradient vanishes: there is no ascent direction). */
export function samPerturbation(gx: number, gy: number, rho: number): [number, number] {
  const norm = Math.hypot(gx, gy);
  return norm > 0 ? [(rho * gx) / norm, (rho * gy) / norm] : [0, 0];
}

function samStepper(loss: Loss2D, s: PathSettings): Stepper {
  return {
    step(x, y) {
      const [gx, gy] = gradient2D(loss, x, y);
      const [ex, ey] = samPerturbation(gx, gy, s.rho);
      const [hx, hy] = gradient2D(loss, x + ex, y + ey);
      return [x - s.learningRate * hx, y - s.learningRate * hy];
    },
  };
}

/** theory.md §5, steps 1–7, per coordinate, K = 1. */
function bsamStepper(loss: Loss2D, st: PathSettings): Stepper {
  const normal = seededNormal(st.seed);
  let sx = st.sInit;
  let sy = st.sInit;
  let gmx = 0;
  let gmy = 0;
  return {
    step(x, y) {
      // 1. A noisy sample from the current posterior.
      const tx = x + normal() * Math.sqrt(1 / (st.dataSize * sx));
      const ty = y + normal() * Math.sqrt(1 / (st.dataSize * sy));
      // 2. Its gradient; 3. the gradient at the mean perturbed by ρ·g/s (no normalisation).
      const [gx, gy] = gradient2D(loss, tx, ty);
      const [hx, hy] = gradient2D(loss, x + (st.rho * gx) / sx, y + (st.rho * gy) / sy);
      // 4. The curvature estimate √s·|g|.
      const cx = Math.sqrt(sx * gx * gx);
      const cy = Math.sqrt(sy * gy * gy);
      // 5. Momentum with weight decay; 6. the mean step uses the OLD s; 7. then s is updated.
      gmx = st.beta1 * gmx + (1 - st.beta1) * (hx + st.weightDecay * x);
      gmy = st.beta1 * gmy + (1 - st.beta1) * (hy + st.weightDecay * y);
      const nx = x - (st.learningRate * gmx) / sx;
      const ny = y - (st.learningRate * gmy) / sy;
      sx = st.beta2 * sx + (1 - st.beta2) * (cx + st.damping + st.weightDecay);
      sy = st.beta2 * sy + (1 - st.beta2) * (cy + st.damping + st.weightDecay);
      return [nx, ny];
    },
    std: () => [Math.sqrt(1 / (st.dataSize * sx)), Math.sqrt(1 / (st.dataSize * sy))],
  };
}

const STEPPERS: Record<Optimizer2D, (loss: Loss2D, s: PathSettings) => Stepper> = {
  gd: gdStepper,
  adam: adamStepper,
  sam: samStepper,
  bsam: bsamStepper,
};

/** Why path settings cannot be run, or null. */
export function validatePathSettings(s: PathSettings): string | null {
  if (!Number.isInteger(s.steps) || s.steps < 0 || s.steps > MAX_PATH_STEPS) return `steps must be an integer from 0 to ${MAX_PATH_STEPS}`;
  if (!(s.learningRate > 0) || !Number.isFinite(s.learningRate)) return 'the learning rate must be a finite number > 0';
  if (!(s.rho >= 0) || !Number.isFinite(s.rho)) return 'rho must be a finite number ≥ 0';
  if (!(s.dataSize > 0) || !Number.isFinite(s.dataSize)) return 'the data size N must be a finite number > 0';
  if (!(s.sInit > 0) || !Number.isFinite(s.sInit)) return 's_init must be a finite number > 0';
  if (!(s.damping >= 0 && s.weightDecay >= 0)) return 'damping and weight decay must be ≥ 0';
  if (!(s.beta1 >= 0 && s.beta1 < 1 && s.beta2 >= 0 && s.beta2 < 1)) return 'β₁ and β₂ must be in [0, 1)';
  return null;
}

export function runPath(name: Optimizer2D, loss: Loss2D, startX: number, startY: number, settings: PathSettings): OptimizerPath {
  const problem = validatePathSettings(settings);
  if (problem) throw new RangeError(problem);
  const stepper = STEPPERS[name](loss, settings);
  const n = settings.steps + 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const l = new Float64Array(n);
  const stdX = stepper.std ? new Float64Array(n) : undefined;
  const stdY = stepper.std ? new Float64Array(n) : undefined;
  const record = (k: number, px: number, py: number): boolean => {
    x[k] = px;
    y[k] = py;
    l[k] = loss(px, py);
    if (stepper.std && stdX && stdY) [stdX[k], stdY[k]] = stepper.std();
    return Number.isFinite(px) && Number.isFinite(py) && Number.isFinite(l[k]);
  };
  let length = n;
  let diverged = !record(0, startX, startY);
  if (diverged) length = 1;
  for (let k = 1; k < n && !diverged; k++) {
    const [nx, ny] = stepper.step(x[k - 1], y[k - 1]);
    if (!record(k, nx, ny)) {
      diverged = true;
      length = k; // the non-finite iterate is not drawn
    }
  }
  const cut = (a: Float64Array) => (length === n ? a : a.slice(0, length));
  const path: OptimizerPath = { name, x: cut(x), y: cut(y), loss: cut(l), diverged };
  if (stdX && stdY) {
    path.stdX = cut(stdX);
    path.stdY = cut(stdY);
  }
  return path;
}

export function runAllPaths(loss: Loss2D, startX: number, startY: number, settings: PathSettings): OptimizerPath[] {
  return OPTIMIZERS_2D.map((name) => runPath(name, loss, startX, startY, settings));
}
