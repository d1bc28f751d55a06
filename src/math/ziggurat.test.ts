import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zigguratNormal } from './ziggurat.ts';

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('zigguratNormal', () => {
  const n = 200_000;
  const draws = new Float64Array(n);
  zigguratNormal(12345).fill(draws);

  it('has the moments of N(0, 1)', () => {
    const mean = draws.reduce((s, v) => s + v, 0) / n;
    const m2 = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const m4 = draws.reduce((s, v) => s + (v - mean) ** 4, 0) / n;
    // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.003 for the variance, √(96/n) ≈ 0.022 for m4.
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(m2 - 1)).toBeLessThan(0.015);
    expect(Math.abs(m4 - 3)).toBeLessThan(0.1);
  });

  it('passes a Kolmogorov–Smirnov test against the normal CDF, tails included', () => {
    const sorted = Float64Array.from(draws).sort();
    let d = 0;
    sorted.forEach((x, i) => (d = Math.max(d, Math.abs(phi(x) - i / n), Math.abs(phi(x) - (i + 1) / n))));
    // 1.63/√n is the 1% critical value.
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
    // Beyond the base layer's edge r = 3.4426 (the slow tail path): expected fraction 2·(1 − Φ(r)) ≈ 5.76e-4.
    const tail = draws.filter((v) => Math.abs(v) > 3.442619855899).length / n;
    expect(tail).toBeGreaterThan(3.5e-4);
    expect(tail).toBeLessThan(8e-4);
  });

  it('is reproducible from its seed, and fill gives the same values as next', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), (seed, count) => {
        const a = new Float32Array(count);
        zigguratNormal(seed).fill(a);
        const b = zigguratNormal(seed);
        a.forEach((v) => expect(v).toBe(Math.fround(b.next())));
        expect(a.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 50 },
    );
    const other = new Float64Array(8);
    zigguratNormal(12346).fill(other);
    expect(Array.from(other)).not.toEqual(Array.from(draws.slice(0, 8)));
  });

  it('fill in WebAssembly (Float32Array) gives next()\'s values bit for bit over chunk boundaries, slow paths included', () => {
    // 40,000 draws hold ~500 slow-path draws (wedge tests and tails) and cross the 16,384-draw chunk twice;
    // fills of odd sizes at odd offsets interleave with next(), which shares the state.
    const filledSampler = zigguratNormal(777);
    const reference = zigguratNormal(777);
    const out = new Float32Array(40_000);
    let slowTail = 0;
    for (const [from, to] of [[0, 16_390], [16_390, 16_391], [16_391, 16_455], [16_455, 40_000]] as const) {
      if (to - from === 1) out[from] = filledSampler.next();
      else filledSampler.fill(out, from, to);
    }
    for (let i = 0; i < out.length; i++) {
      const want = Math.fround(reference.next());
      if (out[i] !== want) expect.fail(`draw ${i}: ${out[i]} ≠ ${want}`);
      if (Math.abs(want) > 3.442619855899) slowTail++;
    }
    expect(slowTail).toBeGreaterThan(5);
    expect(Math.fround(filledSampler.next())).toBe(Math.fround(reference.next()));
  });
});
