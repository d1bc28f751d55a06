import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceLossAndGradient, referenceSamState, referenceSamStep, type ReferenceNet, type ReferenceSamHyper } from './sam-reference.ts';

const paramCount = (sizes: readonly number[]) => sizes.slice(1).reduce((n, out, l) => n + (sizes[l] + 1) * out, 0);
const wave = (n: number, a: number) => Array.from({ length: n }, (_, i) => 0.6 * Math.sin(a * (i + 1)) + 0.1 * Math.cos(3.1 * i));
const rowsOf = (n: number, d: number, a: number) => Array.from({ length: n }, (_, r) => wave(d, a + 0.37 * r));

describe('the float64 reference network', () => {
  it.each([
    ['elu', 1],
    ['tanh', 1],
    ['elu', 3],
    ['relu', 4],
  ] as const)('%s, %i outputs: the gradient equals central differences of the loss', (activation, outputs) => {
    const net: ReferenceNet = { sizes: [3, 5, 4, outputs], activation };
    const w = wave(paramCount(net.sizes), 0.9);
    const x = rowsOf(7, 3, 0.4);
    const labels = x.map((_, r) => (outputs === 1 ? r % 2 : r % outputs));
    const { loss, grad } = referenceLossAndGradient(net, w, x, labels);
    expect(Number.isFinite(loss)).toBe(true);
    const h = 1e-6;
    let worst = 0;
    for (let i = 0; i < w.length; i++) {
      const up = w.map((v, j) => (j === i ? v + h : v));
      const down = w.map((v, j) => (j === i ? v - h : v));
      const numeric = (referenceLossAndGradient(net, up, x, labels).loss - referenceLossAndGradient(net, down, x, labels).loss) / (2 * h);
      worst = Math.max(worst, Math.abs(numeric - grad[i]));
    }
    expect(worst).toBeLessThan(1e-8);
    expect(grad.some((g) => Math.abs(g) > 1e-3)).toBe(true);
  });
});

describe('the reference SAM step', () => {
  const net: ReferenceNet = { sizes: [2, 4, 3], activation: 'tanh' };
  const hyper = (K: number, rho: number, base: 'sgd' | 'adam'): ReferenceSamHyper => ({ base, learningRate: 0.1, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-2, rho, K });

  it('with ρ = 0 any K with equal sub-batches is plain SGD / Adam on the whole batch (a mean of equal-size means)', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 3, 4, 6), fc.constantFrom('sgd' as const, 'adam' as const), fc.integer({ min: 0, max: 1000 }), (K, base, seed) => {
        const x = rowsOf(12, 2, seed / 100);
        const labels = x.map((_, r) => (r * 7 + seed) % 3);
        const [a, b] = [0, 1].map(() => referenceSamState(wave(paramCount(net.sizes), 1.3)));
        for (let t = 0; t < 3; t++) {
          referenceSamStep(net, a, x, labels, hyper(1, 0, base));
          referenceSamStep(net, b, x, labels, hyper(K, 0, base));
        }
        const worst = Math.max(...a.w.map((v, i) => Math.abs(v - b.w[i])));
        return worst < 1e-12;
      }),
      { numRuns: 30 },
    );
  });

  it('with ρ > 0 each sub-batch has its own perturbation: K = 3 moves the weights differently from K = 1', () => {
    const x = rowsOf(12, 2, 0.2);
    const labels = x.map((_, r) => r % 3);
    const [a, b] = [0, 1].map(() => referenceSamState(wave(paramCount(net.sizes), 1.3)));
    referenceSamStep(net, a, x, labels, hyper(1, 0.5, 'sgd'));
    referenceSamStep(net, b, x, labels, hyper(3, 0.5, 'sgd'));
    expect(Math.max(...a.w.map((v, i) => Math.abs(v - b.w[i])))).toBeGreaterThan(1e-4);
  });

  it('uses ⌊n/K⌋ rows a sub-batch and ignores the rest, and refuses K beyond the rows', () => {
    const x = rowsOf(10, 2, 0.7);
    const labels = x.map((_, r) => r % 3);
    const trimmed = referenceSamState(wave(paramCount(net.sizes), 1.3));
    const full = referenceSamState(wave(paramCount(net.sizes), 1.3));
    referenceSamStep(net, trimmed, x.slice(0, 8), labels.slice(0, 8), hyper(4, 0.05, 'adam'));
    referenceSamStep(net, full, x, labels, hyper(4, 0.05, 'adam'));
    expect(full.w).toEqual(trimmed.w);
    expect(() => referenceSamStep(net, full, x.slice(0, 3), labels.slice(0, 3), hyper(4, 0.05, 'sgd'))).toThrow(/does not split 3 rows/);
  });
});
