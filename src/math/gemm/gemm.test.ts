import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleGemm, binaryModuleSource } from './assemble.ts';
import { createArena, gemmJs, transpose } from './gemm.ts';

function naive(a: number[][], w: number[][]): number[][] {
  return a.map((row) => w[0].map((_, c) => row.reduce((s, v, k) => s + v * w[k][c], 0)));
}

const dims = fc.record({ rows: fc.integer({ min: 1, max: 9 }), inner: fc.integer({ min: 1, max: 9 }), cols: fc.integer({ min: 1, max: 70 }) });

describe('gemm', () => {
  it('the committed bytes are what gemm.wat assembles to', async () => {
    const bytes = await assembleGemm();
    expect(readFileSync(new URL('./gemm-binary.ts', import.meta.url), 'utf8')).toBe(binaryModuleSource(bytes));
  });

  it('uses the SIMD kernel here (Node has WebAssembly SIMD)', () => {
    expect(createArena(16).simd).toBe(true);
  });

  for (const simd of [true, false]) {
    it(`${simd ? 'SIMD' : 'JavaScript'}: matches the textbook product, with accumulate and transA, for any shape`, () => {
      fc.assert(
        fc.property(dims, fc.boolean(), fc.boolean(), fc.integer(), ({ rows, inner, cols }, accumulate, transA, seed) => {
          let state = seed >>> 0;
          const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
          const a = Array.from({ length: rows }, () => Array.from({ length: inner }, rand));
          const w = Array.from({ length: inner }, () => Array.from({ length: cols }, rand));
          const y0 = Array.from({ length: rows }, () => Array.from({ length: cols }, rand));
          const arena = createArena(rows * inner + inner * cols + rows * cols, { simd });
          const x = arena.alloc(rows * inner);
          const wm = arena.alloc(inner * cols);
          const y = arena.alloc(rows * cols);
          // transA stores A transposed: x[k][r].
          a.forEach((row, r) => row.forEach((v, k) => (x[transA ? k * rows + r : r * inner + k] = v)));
          w.forEach((row, k) => row.forEach((v, c) => (wm[k * cols + c] = v)));
          y0.forEach((row, r) => row.forEach((v, c) => (y[r * cols + c] = v)));
          arena.gemm(x, wm, y, rows, inner, cols, { accumulate, transA });
          const want = naive(a, w);
          want.forEach((row, r) => row.forEach((v, c) => expect(y[r * cols + c]).toBeCloseTo(v + (accumulate ? y0[r][c] : 0), 5)));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('refuses a matrix from outside the arena instead of reading the wrong memory', () => {
    const arena = createArena(64);
    const inside = arena.alloc(4);
    expect(() => arena.gemm(new Float32Array(4), inside, inside, 2, 2, 2)).toThrow(/arena/);
  });

  for (const kind of ['elu', 'relu'] as const) {
    it(`${kind}: the SIMD kernel agrees with Math to float32 precision, from −100 to 100, in any length`, () => {
      for (const n of [1, 3, 4, 7, 1000]) {
        const arena = createArena(2 * n + 8);
        const z = arena.alloc(n);
        const h = arena.alloc(n);
        z.forEach((_, i) => (z[i] = n === 1000 ? -100 + (200 * i) / (n - 1) : -1.5 + i));
        arena.activate(kind, z, h, n);
        z.forEach((v, i) => {
          const want = kind === 'relu' ? Math.max(v, 0) : v > 0 ? v : Math.expm1(v);
          expect(Math.abs(h[i] - want)).toBeLessThanOrEqual(2e-7 * Math.max(1, Math.abs(want)));
        });
      }
    });
  }

  it('axpy: out = a + s·b in both kernels, in any length, in place too', () => {
    for (const simd of [true, false]) {
      for (const n of [1, 5, 8, 33]) {
        const arena = createArena(3 * n + 12, { simd });
        const [out, a, b] = [arena.alloc(n), arena.alloc(n), arena.alloc(n)];
        a.forEach((_, i) => (a[i] = i - 2.5));
        b.forEach((_, i) => (b[i] = 0.25 * i));
        arena.axpy(out, a, b, -3, n);
        out.forEach((v, i) => expect(v).toBe(Math.fround(a[i] + Math.fround(-3 * b[i]))));
        arena.axpy(a, a, b, 2, n);
        a.forEach((v, i) => expect(v).toBe(Math.fround(i - 2.5 + Math.fround(2 * b[i]))));
      }
    }
  });

  it('fillRows sets every row to the bias, in both kernels', () => {
    for (const simd of [true, false]) {
      const arena = createArena(64, { simd });
      const z = arena.alloc(15);
      const bias = arena.alloc(5);
      bias.set([1, 2, 3, 4, 5]);
      z.fill(9);
      arena.fillRows(z, bias, 3, 5);
      expect(Array.from(z)).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    }
  });

  it('says so when the arena is full', () => {
    const arena = createArena(8, { simd: false });
    arena.alloc(8);
    expect(() => arena.alloc(10_000)).toThrow(/full/);
  });

  it('transpose and gemmJs agree with each other: (A·W)ᵀ = Wᵀ·Aᵀ', () => {
    const a = Float32Array.from({ length: 6 }, (_, i) => i + 1);
    const w = Float32Array.from({ length: 12 }, (_, i) => i - 5);
    const y = new Float32Array(8);
    gemmJs(a, w, y, 2, 3, 4);
    const at = new Float32Array(6);
    const wt = new Float32Array(12);
    transpose(a, 2, 3, at);
    transpose(w, 3, 4, wt);
    const yt = new Float32Array(8);
    gemmJs(wt, at, yt, 4, 3, 2);
    const back = new Float32Array(8);
    transpose(yt, 4, 2, back);
    expect(Array.from(back)).toEqual(Array.from(y));
  });
});
