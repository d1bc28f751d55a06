import { describe, expect, it } from 'vitest';
import { formatCell, formatFixed } from './results-format.ts';
import { resultsTable, sampleStd } from './results-table.ts';
import { metrics, run, SAMPLE_RUNS } from './test-runs.ts';

const m = metrics;

describe('resultsTable', () => {
  const table = resultsTable(SAMPLE_RUNS);

  it('has one row per optimizer in the usual order, and a model-average row after bSAM', () => {
    expect(table.rows.map((r) => `${r.optimizer}/${r.weights}`)).toEqual(['sgd/mean', 'bsam/mean', 'bsam/bayes']);
    expect(table.rows[0].seeds).toEqual([0, 1]);
  });

  it('takes the last epoch, means over seeds and the sample std (n − 1)', () => {
    const acc = table.rows[0].cells.accuracy;
    expect(acc.values).toEqual([0.8, 0.82]); // seed order
    expect(acc.mean).toBeCloseTo(0.81, 15);
    // Two values a apart: sample std a/√2 (the population std would be a/2).
    expect(acc.std).toBeCloseTo(0.02 / Math.SQRT2, 15);
    expect(sampleStd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });

  it('marks the best of each column, every tied row, and minimum for NLL/ECE', () => {
    const best = (k: 'accuracy' | 'nll' | 'ece' | 'auroc') => table.rows.filter((r) => r.cells[k].best).map((r) => r.weights + r.optimizer);
    expect(best('accuracy')).toEqual(['bayesbsam']);
    expect(best('ece')).toEqual(['bayesbsam']);
    expect(best('auroc')).toEqual(['bayesbsam']);
    // NLL: sgd 0.5, bsam 0.5, bsam bayes 0.45 → bayes; then a tie between two rows.
    expect(best('nll')).toEqual(['bayesbsam']);
    const tie = resultsTable([run('sgd', 0, m(0.8, 0.3, 0.1, 0.8)), run('adam', 0, m(0.7, 0.3, 0.1, 0.9))]);
    expect(tie.rows.map((r) => [r.cells.nll.best, r.cells.ece.best, r.cells.accuracy.best])).toEqual([
      [true, true, true],
      [true, true, false],
    ]);
  });

  it('marks every row whose mean reads the same to three decimals, not a winner by float noise', () => {
    // 0.8204 and 0.8196 both show as 0.820; 0.1 + 0.2 and 0.3 differ only in the last bit.
    const t = resultsTable([run('sgd', 0, m(0.8204, 0.1 + 0.2, 0.1, 0.8)), run('adam', 0, m(0.8196, 0.3, 0.1, 0.8)), run('sam-sgd', 0, m(0.8194, 0.3006, 0.1, 0.8))]);
    expect(t.rows.map((r) => r.cells.accuracy.best)).toEqual([true, true, false]);
    expect(t.rows.map((r) => r.cells.nll.best)).toEqual([true, true, false]);
  });

  it('shows a NaN metric as absent with its reason and leaves it out of "best"', () => {
    const t = resultsTable([run('sgd', 0, m(1, 0.01, 0.005, NaN)), run('sgd', 3, m(1, 0.02, 0.005, NaN)), run('adam', 0, m(0.9, 0.3, 0.02, 0.7))]);
    expect(t.rows.map((r) => r.optimizer)).toEqual(['sgd', 'adam']);
    const auroc = t.rows[0].cells.auroc;
    expect([auroc.mean, auroc.std, auroc.best]).toEqual([null, null, false]);
    expect(auroc.absent).toBe('not computable for seeds 0, 3');
    expect(formatCell(auroc)).toBeNull();
    expect(t.rows[1].cells.auroc.best).toBe(true); // Adam's 0.7 is the only AUROC
    expect(t.rows[1].cells.auroc.absent).toBeNull();
    expect(t.rows[0].cells.nll.best).toBe(true); // the other columns still compare
  });

  it('a single seed has no std, and a bSAM run without a model average says so', () => {
    const t = resultsTable([run('bsam', 2, m(0.8, 0.5, 0.02, 0.85), null)]);
    expect(t.rows[0].cells.nll.std).toBeNull();
    expect(formatCell(t.rows[0].cells.nll)).toBe('0.500');
    expect(t.rows[1].cells.accuracy.absent).toBe('no model average for seed 2');
  });

  it('counts a seed trained twice once, keeping the later run', () => {
    const t = resultsTable([run('sgd', 0, m(0.5, 1, 0.1, 0.7)), run('sgd', 1, m(0.7, 1, 0.1, 0.7)), run('sgd', 0, m(0.9, 1, 0.1, 0.7))]);
    expect(t.rows[0].seeds).toEqual([0, 1]);
    expect(t.rows[0].cells.accuracy.values).toEqual([0.9, 0.7]);
  });

  it('has no rows without finished runs', () => {
    expect(resultsTable([]).rows).toEqual([]);
    expect(resultsTable([run('sgd', 0, m(0.8, 0.3, 0.1, 0.8), null, false)]).rows).toEqual([]);
  });
});

describe('formatting', () => {
  it('writes mean ± std to three decimals with a true minus and no negative zero', () => {
    expect(formatCell({ values: [], mean: 0.8234, std: 0.0041, absent: null, best: false })).toBe('0.823 ± 0.004');
    expect(formatFixed(-0.25)).toBe('−0.250');
    expect(formatFixed(-0.0001)).toBe('0.000');
  });
});
