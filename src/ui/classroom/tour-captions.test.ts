/**
 * Every tour caption's claim, computed from the step's own state with the same maths the panels use
 * (src/math), so a caption cannot drift from what its step shows (issue 11, major 6: step 6 once said
 * the gap was "largest at small σ" over a map showing the opposite).
 */
import { describe, expect, it } from 'vitest';
import { geometryAt } from '../../math/geometry1d.ts';
import { computeLandscape1D } from '../../math/landscape1d.ts';
import type { Landscape1D } from '../../math/landscape1d.types.ts';
import { computeMSigmaGrid } from '../../math/msigma.ts';
import { OBJECTIVES } from '../../math/objectives.ts';
import { DEFAULT_STATE } from '../../state/experiment.ts';
import { encodeFragment } from '../../state/permalink/index.ts';
import { OFFICIAL_BSAM_DEMO } from '../../state/training.ts';
import { resolveLoss } from '../landscape1d/resolve-loss.ts';
import { findJumps } from '../minimisers/path-jumps.ts';
import { resolvePathParams } from '../minimisers/resolve.ts';
import { handleMinimiserRequest } from '../../worker/minimiser-handler.ts';
import { TOUR_STEPS } from './tour.ts';
import type { TourStep } from './tour.ts';

function step(id: string): TourStep {
  const s = TOUR_STEPS.find((t) => t.id === id);
  if (!s) throw new Error(`no tour step ${id}`);
  return s;
}

function lossOf(s: TourStep) {
  const r = resolveLoss(s.state.landscape1d.loss);
  if (!r.ok) throw new Error(r.message);
  return r.fn;
}

/** The 1-D panel's curves for the step's state, exactly as the panel computes them. */
function curves(s: TourStep, patch: { sigma?: number; points?: number } = {}): Landscape1D {
  const l = s.state.landscape1d;
  return computeLandscape1D({ loss: lossOf(s), from: l.from, to: l.to, points: patch.points ?? l.points, sigma: patch.sigma ?? l.sigma, rho: l.rho });
}

/** The value of a curve at the grid point nearest to x. */
function at(c: Landscape1D, values: Float64Array, x: number): number {
  let best = 0;
  for (let i = 1; i < c.theta.length; i++) if (Math.abs(c.theta[i] - x) < Math.abs(c.theta[best] - x)) best = i;
  return values[best];
}

/** Grid indices in [lo, hi] that are strict local minima of the values. */
function localMinimaIn(c: Landscape1D, values: Float64Array, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length - 1; i++) {
    if (c.theta[i] < lo || c.theta[i] > hi) continue;
    if (values[i] < values[i - 1] && values[i] < values[i + 1]) out.push(c.theta[i]);
  }
  return out;
}

const CAPTION_NUMBER = /−?\d+(?:\.\d+)?/g;
const numbersIn = (caption: string): number[] => (caption.match(CAPTION_NUMBER) ?? []).map((t) => Number(t.replace('−', '-')));

describe('tour captions say what their state shows', () => {
  it('no 1-D step shows a warning: everything its caption talks about is drawn', () => {
    for (const s of TOUR_STEPS.filter((t) => t.panel === 'landscape1d' || t.panel === 'msigma')) {
      expect(curves(s).warnings, s.id).toEqual([]);
    }
  });

  it('1 five-objectives: E ≤ B ≤ R + ½ at every point of the plot', () => {
    const c = curves(step('five-objectives'));
    let compared = 0;
    for (let i = 0; i < c.theta.length; i++) {
      const [e, b, r] = [c.expected[i], c.biconjugate[i], c.relaxed[i]];
      expect(Number.isFinite(e) && Number.isFinite(b) && Number.isFinite(r), `finite at ${c.theta[i]}`).toBe(true);
      expect(e).toBeLessThanOrEqual(b + 1e-9);
      expect(b).toBeLessThanOrEqual(r + 0.5 + 1e-9);
      compared++;
    }
    expect(compared).toBe(c.theta.length);
  });

  it('2 small-sigma: at the σ it names, E keeps the narrow well and every minimiser sits in it, at θ ≈ −1.5', () => {
    const s = step('small-sigma');
    expect(s.caption).toContain(`σ = ${s.state.landscape1d.sigma}`);
    const c = curves(s);
    for (const name of OBJECTIVES) expect(Math.abs(c.argmin[name]! + 1.5), name).toBeLessThan(0.05);
    // "only shallower": E's minimum is above the loss's.
    expect(at(c, c.expected, -1.5)).toBeGreaterThan(at(c, c.loss, -1.5) + 0.05);
  });

  it('3 large-sigma: the narrow well is a shallow dip of E and every objective’s minimiser is in the flat valley, θ ≈ 1.3–1.4', () => {
    const s = step('large-sigma');
    expect(s.caption).toContain(`σ = ${s.state.landscape1d.sigma}`);
    const c = curves(s);
    // The loss's narrow well is the deeper one; E's dip there is at most one local minimum, well above E's minimum.
    expect(at(c, c.loss, -1.5)).toBeLessThan(at(c, c.loss, 1.5));
    const dips = localMinimaIn(c, c.expected, -2.5, -0.5);
    expect(dips.length).toBeLessThanOrEqual(1);
    for (const x of dips) expect(at(c, c.expected, x) - at(c, c.expected, c.argmin.expected!)).toBeGreaterThan(0.3);
    for (const name of ['expected', 'sam', 'relaxed', 'biconjugate'] as const) {
      expect(c.argmin[name]!, name).toBeGreaterThanOrEqual(1.25);
      expect(c.argmin[name]!, name).toBeLessThan(1.45);
    }
  });

  it('4 minimiser-jump: B, E and R each jump once from the sharp well to the flat one, at the σ the caption names and in its order; SAM’s path is flat', () => {
    const s = step('minimiser-jump');
    // The panel's own worker request for this state, run to the end by the worker's handler.
    const resolved = resolvePathParams(s.state);
    if (!resolved.ok) throw new Error(resolved.reason);
    const response = handleMinimiserRequest({ id: 1, kind: 'minimiser-path', ...resolved.params });
    if (response.kind !== 'result') throw new Error(JSON.stringify(response));
    const { path } = response;
    expect(path.warnings).toEqual([]);
    const { from, to } = s.state.landscape1d;
    const [sharp, flat] = numbersIn(s.caption.slice(0, s.caption.indexOf(' near ')));
    expect([sharp, flat]).toEqual([-1.5, 1.4]);
    const named = (prefix: string) => Number(new RegExp(`${prefix}[^;]*?near (?:σ = )?(\\d+(?:\\.\\d+)?)`).exec(s.caption)?.[1]);
    const at: number[] = [];
    for (const [name, values] of [['B’s', path.biconjugate], ['E’s', path.expected], ['R’s', path.relaxed]] as const) {
      const jumps = findJumps(path.values, values, to - from);
      expect(jumps, name).toHaveLength(1);
      const [j] = jumps;
      expect(Math.abs(j.mBefore - sharp), name).toBeLessThan(0.05);
      expect(Math.abs(j.mAfter - flat), name).toBeLessThan(0.05);
      // The caption's σ, to its two decimals, lies in the interval of computed σ the jump falls in.
      const sigma = named(name);
      expect(sigma, name).toBeGreaterThanOrEqual(j.before - 0.005);
      expect(sigma, name).toBeLessThanOrEqual(j.after + 0.005);
      at.push(sigma);
    }
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // SAM's minimiser is the same at every σ (it depends on ρ only).
    expect(new Set(Array.from(path.sam, (v) => v.toFixed(6))).size).toBe(1);
    // The marked σ sits between B's jump and E's, where the plot shows the two apart.
    expect(s.state.landscape1d.sigma).toBeGreaterThan(at[0]);
    expect(s.state.landscape1d.sigma).toBeLessThan(at[1]);
  });

  it('5 sam-radius: at m = −1.5 the worst case within ρ is about 1 above the loss; S and E prefer the flat minimum', () => {
    const s = step('sam-radius');
    expect(s.state.landscape1d.m).toBe(-1.5);
    const c = curves(s);
    const above = at(c, c.sam, -1.5) - at(c, c.loss, -1.5);
    expect(Math.round(above)).toBe(1);
    expect(c.argmin.sam!).toBeGreaterThan(1);
    expect(c.argmin.expected!).toBeGreaterThan(1);
  });

  it('6 sam-jump: against ρ only S’s minimiser moves, jumping once from the sharp well to the flat one at the ρ the caption names; E, R and B (at its σ) are held, in the flat well; the marked ρ is before the jump', () => {
    const s = step('sam-jump');
    expect(s.state.minimisers.axis).toBe('rho');
    const resolved = resolvePathParams(s.state);
    if (!resolved.ok) throw new Error(resolved.reason);
    const response = handleMinimiserRequest({ id: 1, kind: 'minimiser-path', ...resolved.params });
    if (response.kind !== 'result') throw new Error(JSON.stringify(response));
    const { path } = response;
    expect(path.warnings).toEqual([]);
    const { from, to, sigma, rho } = s.state.landscape1d;
    const [sharp, flat, named, captionSigma] = numbersIn(s.caption);
    expect([sharp, flat]).toEqual([-1.5, 1.4]);
    expect(captionSigma).toBe(sigma);
    const jumps = findJumps(path.values, path.sam, to - from);
    expect(jumps).toHaveLength(1);
    const [j] = jumps;
    expect(Math.abs(j.mBefore - sharp)).toBeLessThan(0.05);
    expect(Math.abs(j.mAfter - flat)).toBeLessThan(0.05);
    expect(named).toBeGreaterThanOrEqual(j.before - 0.005);
    expect(named).toBeLessThanOrEqual(j.after + 0.005);
    expect(rho).toBeLessThan(j.before);
    for (const name of ['expected', 'relaxed', 'biconjugate'] as const) {
      expect(new Set(path[name]).size, name).toBe(1);
      expect(Math.abs(path[name][0] - flat), name).toBeLessThan(0.05);
    }
  });

  it('7 biconjugate: B > E between the wells; at m, Q* ≥ ℓ touches ℓ at the atoms', () => {
    const s = step('biconjugate');
    const { m, sigma, rho, from, to } = s.state.landscape1d;
    const loss = lossOf(s);
    const c = curves(s);
    expect(at(c, c.biconjugate, 0) - at(c, c.expected, 0)).toBeGreaterThan(0.05);
    const g = geometryAt(loss, m, sigma, rho, to - from);
    expect(g.majorant).not.toBeNull();
    const { a, b, c: k } = g.majorant!;
    const q = (t: number) => a + b * t + k * t * t;
    expect(g.atoms.length).toBeGreaterThanOrEqual(2);
    for (const atom of g.atoms) expect(Math.abs(q(atom.theta) - loss(atom.theta)), `atom ${atom.theta}`).toBeLessThan(1e-6);
    for (let t = from; t <= to; t += 0.01) expect(q(t), `Q*(${t}) ≥ ℓ`).toBeGreaterThanOrEqual(loss(t) - 1e-6);
  });

  it('8 msigma-gap: B − E is near 0 at small σ and grows with σ, with the caption’s numbers at m = 0 and at the marked σ', () => {
    const s = step('msigma-gap');
    const loss = lossOf(s);
    const { sigmaFrom, sigmaTo } = s.state.msigma;
    const { from, to } = s.state.landscape1d;
    const grid = computeMSigmaGrid({ loss, mFrom: from, mTo: to, mPoints: 101, sigmaFrom, sigmaTo, sigmaPoints: 24 });
    const mid = 50;
    expect(grid.m[mid]).toBeCloseTo(0, 12);
    // Near 0 everywhere on the smallest σ's row.
    let smallRowMax = -Infinity;
    for (let i = 0; i < grid.m.length; i++) smallRowMax = Math.max(smallRowMax, grid.gap[i]);
    expect(smallRowMax).toBeLessThan(0.02);
    // Larger as σ grows, at m = 0, all the way to σ = 1.5 (it peaks near 1.8 and is down to 0.36 at 2).
    for (let j = 1; j < grid.sigma.length && grid.sigma[j] <= 1.5; j++) expect(grid.gap[j * 101 + mid], `σ = ${grid.sigma[j]}`).toBeGreaterThan(grid.gap[(j - 1) * 101 + mid]);
    // The caption's numbers, exactly at m = 0 (odd grid, so 0 is a grid point) at the map's two ends.
    const gapAt0 = (sigma: number) => {
      const c = computeLandscape1D({ loss, from, to, points: 601, sigma, rho: 0 });
      return c.biconjugate[300] - c.expected[300];
    };
    const [smallGap, smallSigma, largeGap, largeSigma] = numbersIn(s.caption.slice(s.caption.indexOf('m = 0') + 5));
    expect(smallSigma).toBe(sigmaFrom);
    // The marked point is the state's (m, σ): the panel's "Current B − E" reads the same number.
    expect(s.state.landscape1d.m).toBe(0);
    expect(largeSigma).toBe(s.state.landscape1d.sigma);
    expect(gapAt0(smallSigma).toFixed(3)).toBe(String(smallGap));
    expect(gapAt0(largeSigma).toFixed(2)).toBe(String(largeGap));
  });

  it('9 sam-vs-bsam: SAM and bSAM on the same data and weights, with as many gradient evaluations per step', () => {
    const { training } = step('sam-vs-bsam').state;
    expect(training.optimizer.kind).toBe('bsam');
    expect(training.compare?.kind).toBe('sam-sgd');
    // bSAM splits the batch into K sub-batches, two gradients each; SAM takes two on the whole batch.
    expect(training.batchSize % training.optimizer.msharpness).toBe(0);
  });

  it('10 posterior-samples: bSAM on the official demo (whose plot draws posterior-sample boundaries)', () => {
    expect(step('posterior-samples').state.training).toEqual(OFFICIAL_BSAM_DEMO);
  });

  it('11 calibration: noisier moons, flipped labels and a held-out test set', () => {
    const { dataset } = step('calibration').state.training;
    expect(dataset.kind).toBe('moons');
    expect(dataset.noise).toBeGreaterThan(OFFICIAL_BSAM_DEMO.dataset.noise);
    expect(dataset.labelNoise).toBeGreaterThan(0);
    expect(dataset.testFraction).toBeGreaterThan(0);
  });

  it('12 network-landscape: bSAM pauses at the step the caption names, before the run ends', () => {
    const s = step('network-landscape');
    const { training } = s.state;
    const stepsPerEpoch = Math.floor(training.dataset.size / training.batchSize);
    expect(training.optimizer.kind).toBe('bsam');
    expect(training.stopAt).not.toBeNull();
    expect(training.stopAt!).toBeLessThan(training.epochs * stepsPerEpoch);
    expect(s.caption).toContain(`step ${training.stopAt}`);
  });

  it('13 two-dimensions: the loss, E, S and R maps with GD, Adam, SAM and bSAM from one start', () => {
    const { landscape2d } = step('two-dimensions').state;
    expect(Object.values(landscape2d.visible).every(Boolean)).toBe(true);
    expect(Object.values(landscape2d.paths).every(Boolean)).toBe(true);
  });

  it('every step has a claim test above, and every step’s state is its own (Back finds the step from the state)', () => {
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([
      'five-objectives',
      'small-sigma',
      'large-sigma',
      'minimiser-jump',
      'sam-radius',
      'sam-jump',
      'biconjugate',
      'msigma-gap',
      'sam-vs-bsam',
      'posterior-samples',
      'calibration',
      'network-landscape',
      'two-dimensions',
    ]);
    const fragments = TOUR_STEPS.map((s) => encodeFragment(s.state));
    expect(new Set(fragments).size).toBe(TOUR_STEPS.length);
    expect(fragments).not.toContain(encodeFragment(DEFAULT_STATE));
    // The steps after the map keep the map's 1-D section (the panel out of view does not jump).
    for (const s of TOUR_STEPS.slice(TOUR_STEPS.indexOf(step('msigma-gap')) + 1)) {
      expect(s.state.landscape1d, s.id).toEqual({ ...step('msigma-gap').state.landscape1d, sigma: 0.3 });
    }
  });
});
