import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsFromProbabilities, accuracyOf, aurocOf, calibrationBins, eceOf, linspace, paperMetrics, PredictiveAverage, predictions } from './paper-metrics.ts';

const ece = (confidence: number[], correct: boolean[]) => eceOf(calibrationBins(confidence, correct), confidence.length);

describe('the paper metrics (official test.py / util.py)', () => {
  it('NLL is −log of the AVERAGED softmax (log-mean-exp over samples), not the mean of the per-sample NLLs', () => {
    const avg = new PredictiveAverage(1, 2);
    avg.addLogits([0, 0]); // softmax (1/2, 1/2)
    avg.addLogits([Math.log(3), 0]); // softmax (3/4, 1/4)
    const m = paperMetrics(avg, [0]);
    expect(m.nll).toBeCloseTo(-Math.log(0.625), 14);
    expect(m.nll).not.toBeCloseTo((-Math.log(0.5) - Math.log(0.75)) / 2, 4);
    expect(m.accuracy).toBe(1);
    expect(Array.from(avg.probabilities())).toEqual([expect.closeTo(0.625, 14), expect.closeTo(0.375, 14)]);
  });

  it('log-mean-exp stays finite where exp would underflow', () => {
    const avg = new PredictiveAverage(1, 2);
    avg.addLogits([0, 2000]);
    avg.addLogits([0, 1000]);
    // p(class 0) = (e^-2000 + e^-1000)/2: log ≈ −1000 − log 2.
    expect(paperMetrics(avg, [0]).nll).toBeCloseTo(1000 + Math.log(2), 9);
  });

  it('accuracy: argmax of the averaged predictive, the first class on ties', () => {
    const { predicted } = predictions([0.5, 0.5, 0.2, 0.8], 2);
    expect(Array.from(predicted.subarray(0, 2))).toEqual([0, 1]);
    const three = predictions([0.3, 0.4, 0.3, 0.4, 0.4, 0.2], 3);
    expect(Array.from(three.predicted)).toEqual([1, 0]);
    expect(accuracyOf(three.predicted, [1, 1])).toBe(0.5);
  });

  it('ECE: 20 equal bins; a confidence exactly on a bin boundary counts in BOTH bins', () => {
    expect(linspace(0, 1, 21)[10]).toBe(0.5);
    const bins = calibrationBins([0.5], [true]);
    expect(bins.filter((b) => b.count > 0).map((b) => [b.lower, b.upper])).toEqual([
      [0.45, 0.5],
      [0.5, 0.55],
    ]);
    // Each of the two bins adds |0.5 − 1| · 1/1: a half-open binning would give 0.5.
    expect(ece([0.5], [true])).toBe(1);
    // Inside one bin: |mean conf − accuracy| weighted by the bin's share.
    expect(ece([0.92, 0.92, 0.3, 0.3], [true, true, true, false])).toBeCloseTo((0.08 * 2 + 0.2 * 2) / 4, 14);
    // Confidence 1 is in the last bin, 0 in the first (both ends closed).
    expect(calibrationBins([1, 0], [true, false]).map((b) => b.count)).toEqual([1, ...Array(18).fill(0), 1]);
  });

  it('AUROC: misclassification detection, positives = correct, step curve from (0,0) to (1,1)', () => {
    // Correct 0.9, 0.8; wrong 0.85, 0.6: three of the four (right, wrong) pairs are ordered → 0.75.
    expect(aurocOf([0.9, 0.8, 0.85, 0.6], [true, true, false, false])).toBeCloseTo(0.75, 12);
    expect(aurocOf([0.9, 0.1], [true, false])).toBeCloseTo(1, 12);
    expect(aurocOf([0.1, 0.9], [true, false])).toBeCloseTo(0, 12);
    // Equal confidences enter at the same threshold: a diagonal, half credit.
    expect(aurocOf([0.7, 0.7], [true, false])).toBeCloseTo(0.5, 12);
    // Different confidences within one threshold step (0.0004) also enter together: the grid of 2,501
    // thresholds, not the exact ranks (a rank-based AUROC would give 0 here).
    expect(aurocOf([0.70001, 0.70002], [true, false])).toBeCloseTo(0.5, 12);
    // No wrong (or no right) image: not computable.
    expect(aurocOf([0.9, 0.8], [true, true])).toBeNaN();
  });

  it('AUROC equals the rank statistic (ties half) when confidences sit in distinct threshold cells', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cell: fc.integer({ min: 0, max: 2499 }), correct: fc.boolean() }), { minLength: 2, maxLength: 60 }), (rows) => {
        const right = rows.filter((r) => r.correct);
        const wrong = rows.filter((r) => !r.correct);
        fc.pre(right.length > 0 && wrong.length > 0);
        // Mid-cell values, so no confidence lies on a threshold.
        const conf = rows.map((r) => (r.cell + 0.5) / 2500);
        let u = 0;
        for (const a of right) for (const b of wrong) u += a.cell > b.cell ? 1 : a.cell === b.cell ? 0.5 : 0;
        expect(aurocOf(conf, rows.map((r) => r.correct))).toBeCloseTo(u / (right.length * wrong.length), 10);
      }),
    );
  });

  it('all four from logits, for mean weights (one sample); non-finite logits give NaN, not a crash', () => {
    const avg = new PredictiveAverage(3, 2);
    avg.addLogits([2, 0, 0, 1, 3, 0]);
    const m = paperMetrics(avg, [0, 1, 1]);
    expect(m.accuracy).toBeCloseTo(2 / 3, 14);
    // Right: σ(2) = 0.881, σ(1) = 0.731; wrong: σ(3) = 0.953, above both → AUROC 0.
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    expect(m.auroc).toBeCloseTo(0, 12);
    expect(m.nll).toBeCloseTo(-(Math.log(s(2)) + Math.log(s(1)) + Math.log(s(-3))) / 3, 12);
    // Three different bins, each |conf − acc| / 3.
    expect(m.ece).toBeCloseTo((1 - s(2) + (1 - s(1)) + s(3)) / 3, 12);
    const bad = new PredictiveAverage(1, 2);
    bad.addLogits([NaN, 0]);
    const b = paperMetrics(bad, [0]);
    expect([b.accuracy, b.ece, b.auroc, b.nll].every(Number.isNaN)).toBe(true);
  });

  it('from probabilities: the same four numbers as from the logits they come from', () => {
    const logits = [2, 0, 0, 1, 3, 0, -1, 0.5];
    const avg = new PredictiveAverage(4, 2);
    avg.addLogits(logits);
    const probs = [0, 1, 2, 3].map((i) => Array.from(avg.probabilities().subarray(2 * i, 2 * i + 2)));
    const labels = [0, 1, 1, 0];
    const fromLogits = paperMetrics(avg, labels);
    const fromProbs = metricsFromProbabilities(probs, labels);
    for (const key of ['accuracy', 'nll', 'ece', 'auroc'] as const) expect(fromProbs[key]).toBeCloseTo(fromLogits[key], 12);
  });
});
