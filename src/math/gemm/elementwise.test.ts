import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArena, gemmJs, transpose, type MatrixArena } from './gemm.ts';

/** A seeded stream of values in [lo, hi). */
function uniforms(seed: number, lo = -1, hi = 1): () => number {
  let state = seed >>> 0;
  return () => lo + (hi - lo) * ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** n floats from the arena filled by `fill`. */
function filled(arena: MatrixArena, n: number, fill: () => number): Float32Array {
  const a = arena.alloc(n);
  for (let i = 0; i < n; i++) a[i] = fill();
  return a;
}

/** |got − want| ≤ tol·max(1, |want|) for the first n values. */
function expectClose(got: Float32Array, want: ArrayLike<number>, n: number, tol: number): void {
  for (let i = 0; i < n; i++) {
    const err = Math.abs(got[i] - want[i]);
    if (!(err <= tol * Math.max(1, Math.abs(want[i])))) expect.fail(`value ${i} of ${n}: got ${got[i]}, want ${want[i]}`);
  }
}

// Lengths that are and are not multiples of the SIMD width (4), and longer than a few vectors.
const lengths = fc.integer({ min: 1, max: 41 });

describe.each([true, false])('elementwise kernels (SIMD: %s) against textbook float64 formulas', (simd) => {
  it('is the kernel asked for', () => {
    expect(createArena(16, { simd }).simd).toBe(simd);
  });

  it('bsamNoisy: θ = w + e/sqrt(N·s)', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed);
        const arena = createArena(5 * n + 32, { simd });
        const [theta, w, s, e] = [arena.alloc(n), filled(arena, n, r), filled(arena, n, uniforms(seed + 1, 0.5, 3)), filled(arena, n, r)];
        arena.bsamNoisy(theta, w, s, e, n, 100);
        expectClose(theta, Array.from(w, (wi, i) => wi + e[i] / Math.sqrt(100 * s[i])), n, 3e-7);
      }),
    );
  });

  it('bsamPerturb: out = w + g·ρ/s, and Σ|g| started or continued', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed);
        const arena = createArena(7 * n + 32, { simd });
        const [out, hsum, w, s, g, g2] = [arena.alloc(n), arena.alloc(n), filled(arena, n, r), filled(arena, n, uniforms(seed + 1, 0.5, 3)), filled(arena, n, r), filled(arena, n, r)];
        hsum.fill(123);
        arena.bsamPerturb(out, hsum, w, s, g, n, 0.05, true);
        expectClose(out, Array.from(w, (wi, i) => wi + (g[i] * 0.05) / s[i]), n, 3e-7);
        expectClose(hsum, Array.from(g, Math.abs), n, 0);
        arena.bsamPerturb(out, hsum, w, s, g2, n, 0.05, false);
        expectClose(hsum, Array.from(g, (gi, i) => Math.abs(gi) + Math.abs(g2[i])), n, 2e-7);
      }),
    );
  });

  it('accumulate: acc = g, then acc + g', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed);
        const arena = createArena(3 * n + 16, { simd });
        const [acc, g] = [filled(arena, n, r), filled(arena, n, r)];
        arena.accumulate(acc, g, n, true);
        expectClose(acc, g, n, 0);
        arena.accumulate(acc, g, n, false);
        expectClose(acc, Array.from(g, (v) => 2 * v), n, 0);
      }),
    );
  });

  it("bsamUpdate: theory.md §5's steps 5–7 with the old s", () => {
    fc.assert(
      fc.property(lengths, fc.integer({ min: 1, max: 8 }), fc.integer(), (n, K, seed) => {
        const r = uniforms(seed);
        const arena = createArena(6 * n + 32, { simd });
        const [w, s, gm, gsum, hsum] = [filled(arena, n, r), filled(arena, n, uniforms(seed + 1, 0.5, 3)), filled(arena, n, r), filled(arena, n, r), filled(arena, n, uniforms(seed + 2, 0, 2))];
        const [w0, s0, gm0] = [Float64Array.from(w), Float64Array.from(s), Float64Array.from(gm)];
        const h = { K, beta1: 0.9, beta2: 0.999, decay: 1e-4, lr: 0.25, shift: 0.1 + 1e-4 };
        arena.bsamUpdate(w, s, gm, gsum, hsum, n, h);
        const gmWant = Array.from(gm0, (g, i) => 0.9 * g + 0.1 * (gsum[i] / K + 1e-4 * w0[i]));
        expectClose(gm, gmWant, n, 1e-6);
        expectClose(w, Array.from(w0, (wi, i) => wi - (0.25 * gmWant[i]) / s0[i]), n, 1e-6);
        expectClose(s, Array.from(s0, (si, i) => 0.999 * si + 0.001 * ((Math.sqrt(si) * hsum[i]) / K + h.shift)), n, 1e-6);
      }),
    );
  });

  it('sgdUpdate: m ← μm + g + δw, w ← w − lr·m', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed);
        const arena = createArena(4 * n + 16, { simd });
        const [w, m, g] = [filled(arena, n, r), filled(arena, n, r), filled(arena, n, r)];
        const [w0, m0] = [Float64Array.from(w), Float64Array.from(m)];
        arena.sgdUpdate(w, m, g, n, 0.9, 0.01, 0.05);
        const mWant = Array.from(m0, (mi, i) => 0.9 * mi + g[i] + 0.01 * w0[i]);
        expectClose(m, mWant, n, 3e-7);
        expectClose(w, Array.from(w0, (wi, i) => wi - 0.05 * mWant[i]), n, 3e-7);
      }),
    );
  });

  it('adamUpdate: bias-corrected Adam with decoupled step and c₂', () => {
    // CI once drew [16, -1036615661]: a v made mostly of (1 − β₂)g², before the reference used float32 β's.
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed);
        const arena = createArena(5 * n + 16, { simd });
        const [w, m, v, g] = [filled(arena, n, r), filled(arena, n, r), filled(arena, n, uniforms(seed + 1, 0, 1)), filled(arena, n, r)];
        const [w0, m0, v0] = [Float64Array.from(w), Float64Array.from(m), Float64Array.from(v)];
        const h = { beta1: 0.9, beta2: 0.999, decay: 0.01, step: 0.05 / (1 - 0.9 ** 3), c2: 1 - 0.999 ** 3, epsilon: 1e-8 };
        arena.adamUpdate(w, m, v, g, n, h);
        // The kernel takes its hyperparameters as float32: β₂ = fround(0.999) makes 1 − β₂ 1.3e-5 away from 0.001,
        // which a v made mostly of (1 − β₂)g² carries whole into the update. The reference uses the same β's.
        const [b1, b2] = [Math.fround(h.beta1), Math.fround(h.beta2)];
        const gd = Array.from(g, (gi, i) => gi + 0.01 * w0[i]);
        const mWant = gd.map((gi, i) => b1 * m0[i] + (1 - b1) * gi);
        const vWant = gd.map((gi, i) => b2 * v0[i] + (1 - b2) * gi * gi);
        expectClose(m, mWant, n, 3e-7);
        expectClose(v, vWant, n, 3e-7);
        // Float32 rounding is relative to the terms before they cancel: w − update can cancel, and so can
        // β₁m + (1 − β₁)g inside m, whose rounding a small v then magnifies. The bound scales with those terms.
        const scale = (i: number) => h.step / (Math.sqrt(vWant[i] / h.c2) + 1e-8);
        const update = mWant.map((mi, i) => scale(i) * mi);
        // g + λw is itself rounded in float32 and can cancel, so its terms count at their own sizes.
        const mTerms = gd.map((_, i) => 0.9 * Math.abs(m0[i]) + 0.1 * (Math.abs(g[i]) + 0.01 * Math.abs(w0[i])));
        for (let i = 0; i < n; i++) {
          const size = Math.abs(w0[i]) + Math.abs(update[i]) + scale(i) * mTerms[i];
          expect(Math.abs(w[i] - (w0[i] - update[i]))).toBeLessThanOrEqual(1e-6 * Math.max(1, size));
        }
      }),
      { examples: [[16, -1036615661]] },
    );
  });

  it('sumSquares: Σg² over exactly n values (what lies past n does not count)', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed);
        const arena = createArena(n + 16, { simd });
        const g = filled(arena, n + 3, r);
        const want = Array.from(g.subarray(0, n)).reduce((sum, v) => sum + v * v, 0);
        expect(Math.abs(arena.sumSquares(g, n) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
      }),
    );
  });

  it('colSums: column sums, row by row in float32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), lengths, fc.integer(), (rows, cols, seed) => {
        const r = uniforms(seed);
        const arena = createArena(rows * cols + cols + 16, { simd });
        const m = filled(arena, rows * cols, r);
        const out = filled(arena, cols, r);
        arena.colSums(m, rows, cols, out);
        const want = new Float32Array(cols);
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) want[j] += m[i * cols + j];
        expect(Array.from(out)).toEqual(Array.from(want));
      }),
    );
  });

  it('transpose: dst[c][r] = src[r][c]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), lengths, fc.integer(), (rows, cols, seed) => {
        const arena = createArena(2 * rows * cols + 16, { simd });
        const src = filled(arena, rows * cols, uniforms(seed));
        const dst = arena.alloc(rows * cols);
        arena.transpose(src, rows, cols, dst);
        const want = new Float32Array(rows * cols);
        transpose(src, rows, cols, want);
        expect(Array.from(dst)).toEqual(Array.from(want));
      }),
    );
  });

  it.each(['elu', 'relu'] as const)("activationGrad %s: d ⊙= act'(z)", (kind) => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        const r = uniforms(seed, -3, 3);
        const arena = createArena(4 * n + 16, { simd });
        const [z, h, d] = [filled(arena, n, r), arena.alloc(n), filled(arena, n, r)];
        arena.activate(kind, z, h, n);
        const d0 = Float32Array.from(d);
        arena.activationGrad(kind, z, h, d, n);
        const want = Array.from(d0, (di, i) => (z[i] > 0 ? di : kind === 'relu' ? 0 : Math.fround(di * Math.fround(h[i] + 1))));
        // The JavaScript form multiplies by h + 1 unrounded: an ulp apart at most.
        expectClose(d, want, n, simd ? 0 : 1.2e-7);
      }),
    );
  });

  it('gemm on larger shapes (4-row tiles, 8- and 4-column strips, leftovers) matches the plain loops', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 130 }), fc.boolean(), fc.boolean(), fc.integer(), (rows, inner, cols, accumulate, transA, seed) => {
        const r = uniforms(seed);
        const arena = createArena(rows * inner + inner * cols + rows * cols + 16, { simd });
        const [x, w, y] = [filled(arena, rows * inner, r), filled(arena, inner * cols, r), filled(arena, rows * cols, r)];
        const want = Float32Array.from(y);
        gemmJs(x, w, want, rows, inner, cols, accumulate, transA);
        arena.gemm(x, w, y, rows, inner, cols, { accumulate, transA });
        expectClose(y, want, rows * cols, 2e-6 * inner);
      }),
      { numRuns: 60 },
    );
  });
});

it('the kernels refuse buffers that do not start on a 4-float boundary, and foreign arrays', () => {
  const arena = createArena(64);
  const a = arena.alloc(16);
  expect(() => arena.accumulate(a.subarray(1), a, 4, true)).toThrow(/4-float boundary/);
  expect(() => arena.accumulate(new Float32Array(8), a, 4, true)).toThrow(/arena/);
});
