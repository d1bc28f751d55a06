import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.ts';
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
    const path = computeMinimiserPath({ loss: presetLoss('sharp-flat'), from: -3, to: 3, points: 400, rho: 0.3, sigmaFrom: 0.05, sigmaTo: 2, sigmaPoints: 60 });
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
    expect(path.sigma[j + 1]).toBeGreaterThan(0.15);
    expect(path.sigma[j]).toBeLessThan(0.2);
    // B ≥ E with equality at the minimum only for convex ℓ: B's jump is no later than E's.
    expect(signChanges(path.argmin.biconjugate)[0]).toBeLessThanOrEqual(j);
    // SAM does not depend on σ.
    const sam = path.argmin.sam;
    expect(sam.every((v) => v === sam[0])).toBe(true);
  });

  it('on a quadratic every minimiser stays at 0 for every σ where it exists', () => {
    const path = computeMinimiserPath({ loss: presetLoss('quadratic'), from: -3, to: 3, points: 301, rho: 0.3, sigmaFrom: 0.05, sigmaTo: 2, sigmaPoints: 40 });
    for (const name of PATH_OBJECTIVES) {
      path.argmin[name].forEach((v, j) => {
        if (name !== 'relaxed' || path.sigma[j] <= 0.5) expect(Math.abs(v), `${name} at σ = ${path.sigma[j]}`).toBeLessThan(1e-6);
        else if (!Number.isNaN(v)) expect(Math.abs(v)).toBeLessThan(1e-6);
      });
    }
    // R is +∞ for σ ≥ 1 (ℓ grows as fast as the penalty): absent, with that reason.
    const relaxedAbsent = path.sigma.filter((s, j) => Number.isNaN(path.argmin.relaxed[j]) && s > 1);
    expect(relaxedAbsent.length).toBeGreaterThan(0);
    expect(path.reasons.relaxed[REASON_INFINITE]).toBeGreaterThan(0);
    expect(path.warnings.some((w) => w.startsWith('relaxed'))).toBe(true);
  });

  it('rejects invalid input', () => {
    expect(() => computeMinimiserPath({ loss: (t) => t * t, from: 1, to: 0, points: 10, rho: 0, sigmaFrom: 0.1, sigmaTo: 1, sigmaPoints: 5 })).toThrow(RangeError);
  });
});
