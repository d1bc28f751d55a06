import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.ts';
import { computeLandscape1D } from './landscape1d.ts';
import { computeMinimiserPath, PATH_OBJECTIVES, REASON_INFINITE } from './minimiser-path.ts';
import { findPreset } from './presets.ts';

function presetLoss(id: string) {
  const compiled = compileExpression(findPreset(id)!.expression, ['theta']);
  if (!compiled.ok) throw new Error('preset does not compile');
  return compiled.fn1;
}

/** Indices j where the minimiser changes sign between σ_j and σ_{j+1}. */
function signChanges(values: Float64Array): number[] {
  const out: number[] = [];
  for (let j = 0; j + 1 < values.length; j++) if (Math.sign(values[j]) !== Math.sign(values[j + 1])) out.push(j);
  return out;
}

describe('computeMinimiserPath', () => {
  it('on sharp-flat, E and B jump once from the sharp well to the flat one as σ grows', () => {
    const path = computeMinimiserPath({ loss: presetLoss('sharp-flat'), from: -3, to: 3, points: 400, axis: 'sigma', sigma: 1, rho: 0.3, sweepFrom: 0.05, sweepTo: 2, sweepPoints: 60 });
    for (const name of ['expected', 'biconjugate'] as const) {
      const a = path.argmin[name];
      expect(a.every(Number.isFinite)).toBe(true);
      expect(a[0]).toBeCloseTo(-1.5, 1);
      expect(a[a.length - 1]).toBeGreaterThan(0); // at σ = 2 the bowl pulls the flat minimum towards 0
      const jumps = signChanges(a);
      expect(jumps).toHaveLength(1);
      const j = jumps[0];
      expect(a[j]).toBeLessThan(-1.2);
      expect(a[j + 1]).toBeGreaterThan(1);
    }
    // presets.ts (checked by brute force): E's argmin is in the sharp well for σ ≤ 0.15, in the flat one for σ ≥ 0.2.
    const j = signChanges(path.argmin.expected)[0];
    expect(path.values[j + 1]).toBeGreaterThan(0.15);
    expect(path.values[j]).toBeLessThan(0.2);
    // B ≥ E with equality at the minimum only for convex ℓ: B's jump is no later than E's.
    expect(signChanges(path.argmin.biconjugate)[0]).toBeLessThanOrEqual(j);
    // SAM does not depend on σ.
    const sam = path.argmin.sam;
    expect(sam.every((v) => v === sam[0])).toBe(true);
  });

  it('on a quadratic every minimiser stays at 0 for every σ where it exists', () => {
    const path = computeMinimiserPath({ loss: presetLoss('quadratic'), from: -3, to: 3, points: 301, axis: 'sigma', sigma: 1, rho: 0.3, sweepFrom: 0.05, sweepTo: 2, sweepPoints: 40 });
    for (const name of PATH_OBJECTIVES) {
      path.argmin[name].forEach((v, j) => {
        if (name !== 'relaxed' || path.values[j] <= 0.5) expect(Math.abs(v), `${name} at σ = ${path.values[j]}`).toBeLessThan(1e-6);
        else if (!Number.isNaN(v)) expect(Math.abs(v)).toBeLessThan(1e-6);
      });
    }
    // R is +∞ for σ ≥ 1 (ℓ grows as fast as the penalty): absent, with that reason.
    const relaxedAbsent = path.values.filter((s, j) => Number.isNaN(path.argmin.relaxed[j]) && s > 1);
    expect(relaxedAbsent.length).toBeGreaterThan(0);
    expect(path.reasons.relaxed[REASON_INFINITE]).toBeGreaterThan(0);
    expect(path.warnings.some((w) => w.startsWith('relaxed'))).toBe(true);
  });

  it('as ρ grows, only S’s minimiser moves: it jumps from the sharp well to the flat one where the two wells’ worst cases are equal', () => {
    // Sharp well a(θ+1)² at −1 and flat well b(θ−1)² + c at +1. At a well’s centre S is the loss at distance ρ
    // (the max of a symmetric convex bowl over a centred ball, and no other m does better), so the sharp well
    // wins while aρ² < c + bρ² and the flat one after: the jump is at ρ* = √(c / (a − b)).
    const [a, b, c] = [10, 0.5, 0.5];
    const loss = (t: number) => Math.min(a * (t + 1) ** 2, b * (t - 1) ** 2 + c);
    const rhoStar = Math.sqrt(c / (a - b));
    const path = computeMinimiserPath({ loss, from: -3, to: 3, points: 300, axis: 'rho', sigma: 0.2, rho: 0, sweepFrom: 0.01, sweepTo: 1, sweepPoints: 80 });
    expect(path.axis).toBe('rho');
    expect(path.values[0]).toBeCloseTo(0.01, 12);
    expect(path.values[79]).toBeCloseTo(1, 12);
    const sam = path.argmin.sam;
    const jumps = signChanges(sam);
    expect(jumps).toHaveLength(1);
    const j = jumps[0];
    expect(path.values[j]).toBeLessThan(rhoStar);
    expect(path.values[j + 1]).toBeGreaterThan(rhoStar);
    expect(sam[j]).toBeCloseTo(-1, 2);
    expect(sam[j + 1]).toBeCloseTo(1, 2);
    // The same bracket from a brute-force S (dense ε) at the two well centres, independent of sam.ts.
    const bruteS = (m: number, rho: number) => {
      let best = -Infinity;
      for (let k = 0; k <= 2000; k++) best = Math.max(best, loss(m - rho + (2 * rho * k) / 2000));
      return best;
    };
    expect(bruteS(-1, path.values[j])).toBeLessThan(bruteS(1, path.values[j]));
    expect(bruteS(-1, path.values[j + 1])).toBeGreaterThan(bruteS(1, path.values[j + 1]));
    // E, R and B do not depend on ρ: one value, the one the 1-D objectives give at the held σ.
    const at = computeLandscape1D({ loss, from: -3, to: 3, points: 300, sigma: 0.2, rho: 0.01 });
    for (const name of ['expected', 'relaxed', 'biconjugate'] as const) {
      expect(path.argmin[name].every((v) => v === at.argmin[name])).toBe(true);
    }
    // S computed alone past the first ρ is exactly the 1-D panel's S at that ρ.
    for (const k of [1, j, j + 1, 79]) {
      expect(path.argmin.sam[k]).toBe(computeLandscape1D({ loss, from: -3, to: 3, points: 300, sigma: 0.2, rho: path.values[k] }).argmin.sam);
    }
  });

  it('on sharp-flat, S’s minimiser jumps between ρ = 0.1 and 0.2 (presets.ts) and nothing else moves', () => {
    const path = computeMinimiserPath({ loss: presetLoss('sharp-flat'), from: -3, to: 3, points: 300, axis: 'rho', sigma: 0.5, rho: 0, sweepFrom: 0.01, sweepTo: 1, sweepPoints: 40 });
    const jumps = signChanges(path.argmin.sam);
    expect(jumps).toHaveLength(1);
    expect(path.values[jumps[0] + 1]).toBeGreaterThan(0.1);
    expect(path.values[jumps[0]]).toBeLessThan(0.2);
    for (const name of ['expected', 'relaxed', 'biconjugate'] as const) expect(new Set(path.argmin[name]).size).toBe(1);
  });

  it('counts a held objective’s missing minimiser once per swept value, and names the axis in the warning', () => {
    // exp(θ²) grows faster than any quadratic: B is +∞ at every m, whatever ρ.
    const path = computeMinimiserPath({ loss: (t) => Math.exp(t * t), from: -2, to: 2, points: 101, axis: 'rho', sigma: 0.3, rho: 0, sweepFrom: 0.1, sweepTo: 1, sweepPoints: 5 });
    expect(path.reasons.biconjugate[REASON_INFINITE]).toBe(5);
    expect(path.warnings).toContain(`biconjugate: no minimiser at 5 of 5 ρ values: ${REASON_INFINITE}`);
    expect(path.argmin.sam.every((v) => Math.abs(v) < 1e-6)).toBe(true);
  });

  it('rejects invalid input', () => {
    expect(() => computeMinimiserPath({ loss: (t) => t * t, from: 1, to: 0, points: 10, axis: 'sigma', sigma: 1, rho: 0, sweepFrom: 0.1, sweepTo: 1, sweepPoints: 5 })).toThrow(RangeError);
  });
});
