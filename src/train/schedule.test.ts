import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO } from '../state/training.ts';
import { batchRows, finalLrFactor, keepsLastBatch, lrFactor, metricStride, recordsEpoch, stepsPerEpoch } from './schedule.ts';

type Sched = Parameters<typeof lrFactor>[0];

/** numpy's linspace(start, stop, num)[i], written out as numpy computes it. */
const linspace = (start: number, stop: number, num: number, i: number) => start + ((stop - start) * i) / (num - 1);

describe('lrFactor', () => {
  it('cosine: the 2-D demo factor, 1 at epoch 0 and decreasing to its last epoch', () => {
    const c: Sched = { schedule: 'cosine', epochs: 250, warmup: 0 };
    expect(lrFactor(c, 0)).toBe(1);
    expect(lrFactor(c, 125)).toBeCloseTo(0.5, 12);
    expect(lrFactor(c, 249)).toBeCloseTo(0.5 * (1 + Math.cos((Math.PI * 249) / 250)), 15);
  });

  it('never re-warms a finished run: past the last epoch the factor stays at the last epoch\'s', () => {
    // The bug: ½(1 + cos(π·e/epochs)) climbed back to 1 at e = 2·epochs, and the run diverged.
    for (const schedule of ['cosine', 'warmup-cosine', 'constant'] as const) {
      const c: Sched = { schedule, epochs: 250, warmup: 5 };
      for (const e of [250, 251, 375, 500, 10_000]) expect(lrFactor(c, e)).toBe(finalLrFactor(c));
    }
    expect(finalLrFactor({ schedule: 'cosine', epochs: 250, warmup: 0 })).toBeLessThan(1e-3);
  });

  it('warmup-cosine: the official train.py schedule (theory.md §8), epoch by epoch', () => {
    const epochs = 180;
    const warmup = 5;
    const c: Sched = { schedule: 'warmup-cosine', epochs, warmup };
    for (let e = 0; e < epochs; e++) {
      const expected = e < warmup ? linspace(0, 1, warmup + 1, e + 1) : 0.5 * (1 + Math.cos((Math.PI * (e - warmup)) / (epochs + 1 - warmup)));
      expect(lrFactor(c, e)).toBeCloseTo(expected, 14);
    }
    expect(lrFactor(c, 0)).toBeCloseTo(0.2, 15);
    expect(lrFactor(c, 4)).toBe(1);
    expect(lrFactor(c, 5)).toBe(1);
  });

  it('warmup-cosine without warm-up starts at 1', () => {
    expect(lrFactor({ schedule: 'warmup-cosine', epochs: 10, warmup: 0 }, 0)).toBe(1);
  });

  it('property: every factor is in (0, 1], and non-increasing once the warm-up is over', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('cosine', 'warmup-cosine', 'constant') as fc.Arbitrary<Sched['schedule']>,
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 300_000 }),
        (schedule, epochs, warmup, e) => {
          const c: Sched = { schedule, epochs, warmup };
          const f = lrFactor(c, e);
          expect(f).toBeGreaterThan(0);
          expect(f).toBeLessThanOrEqual(1);
          if (schedule !== 'warmup-cosine' || e >= warmup) expect(lrFactor(c, e + 1)).toBeLessThanOrEqual(f);
          else expect(lrFactor(c, e + 1)).toBeGreaterThanOrEqual(f);
        },
      ),
    );
  });
});

describe('metric rows', () => {
  it('one row per epoch up to 500 epochs; a fixed stride beyond, with the last epoch always recorded', () => {
    const rows = (epochs: number) => Array.from({ length: epochs }, (_, i) => i + 1).filter((e) => recordsEpoch({ epochs }, e));
    expect(rows(250)).toHaveLength(250);
    expect(metricStride({ epochs: 500 })).toBe(1);
    expect(metricStride({ epochs: 100_000 })).toBe(200);
    expect(rows(100_000)).toHaveLength(500);
    expect(rows(1001).at(-1)).toBe(1001);
    // Extra epochs after a finished run: the stride goes on, and the new last epoch is recorded.
    expect(recordsEpoch({ epochs: 1001 }, 1003, 1003)).toBe(true);
    expect(recordsEpoch({ epochs: 1001 }, 1001, 1003)).toBe(false);
  });
});

describe('the irregular last batch', () => {
  const config = (kind: 'moons' | 'fashion-mnist') => ({ ...OFFICIAL_BSAM_DEMO, dataset: { ...OFFICIAL_BSAM_DEMO.dataset, kind }, batchSize: 100 });

  it('is kept on image datasets (train.py iterates a DataLoader) and skipped on the 2-D toys (the official demo)', () => {
    expect(keepsLastBatch(config('fashion-mnist'))).toBe(true);
    expect(keepsLastBatch(config('moons'))).toBe(false);
    expect(stepsPerEpoch(config('fashion-mnist'), 250)).toBe(3);
    expect(stepsPerEpoch(config('moons'), 250)).toBe(2);
    expect([0, 1, 2].map((k) => batchRows(config('fashion-mnist'), 250, k))).toEqual([100, 100, 50]);
    // A size the batch divides has no irregular batch either way.
    expect(stepsPerEpoch(config('fashion-mnist'), 300)).toBe(stepsPerEpoch(config('moons'), 300));
  });

  it('property: an epoch covers every row exactly once where it is kept, and the largest multiple of the batch where not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 1000 }), (n, batch) => {
        for (const kind of ['moons', 'fashion-mnist'] as const) {
          const c = { ...config(kind), batchSize: batch };
          const steps = stepsPerEpoch(c, n);
          let rows = 0;
          for (let k = 0; k < steps; k++) {
            const r = batchRows(c, n, k);
            if (r < 1) return false;
            rows += r;
          }
          const b = Math.min(batch, n);
          if (rows !== (kind === 'fashion-mnist' ? n : Math.floor(n / b) * b)) return false;
        }
        return true;
      }),
    );
  });
});
