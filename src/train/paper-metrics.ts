/**
 * The paper's test metrics exactly as the official test.py / util.py compute them (theory.md §8), for the
 * mean weights and for the Bayesian model average over M posterior samples:
 *  - accuracy of the argmax of the averaged predictive (first maximum on ties, as numpy's argmax);
 *  - NLL = −mean over images of log((1/M) Σ_s softmax(z_s)_label), as a log-mean-exp of log-softmaxes;
 *  - ECE over 20 equal bins of [0, 1] of the confidence (max probability), each bin taking lower ≤ c ≤ upper
 *    (so a confidence on a boundary counts in both bins), Σ_bins |mean confidence − accuracy| · count / n;
 *  - AUROC of misclassification detection: positives = correctly classified, thresholds =
 *    linspace(1, 0, 2501) without its ends, TPR/FPR with c ≥ t, the curve from (0, 0) to (1, 1), trapezoids.
 * Values that cannot be computed (no correct or no wrong image for AUROC, non-finite outputs) are NaN; the
 * callers print them as null with a warning.
 */

export interface PaperMetrics {
  accuracy: number;
  nll: number;
  ece: number;
  auroc: number;
}

/**
 * The Bayesian model average, fed one posterior sample's logits at a time (n × classes, row-major): keeps,
 * per image and class, log Σ_s softmax(z_s), so M samples never need to be held at once. Mean weights are
 * one sample (the official code averages M identical copies, which is the same thing).
 */
export class PredictiveAverage {
  readonly logSum: Float64Array;
  samples = 0;
  private readonly row: Float64Array;

  constructor(
    readonly count: number,
    readonly classes: number,
  ) {
    this.logSum = new Float64Array(count * classes).fill(-Infinity);
    this.row = new Float64Array(classes);
  }

  /** One sample's logits, n × classes row-major. */
  addLogits(logits: ArrayLike<number>): void {
    const { count, classes, logSum, row } = this;
    if (logits.length !== count * classes) throw new RangeError(`expected ${count} × ${classes} logits, got ${logits.length}`);
    for (let i = 0; i < count; i++) {
      const o = i * classes;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) max = Math.max(max, logits[o + c]);
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += Math.exp(logits[o + c] - max);
      const lse = max + Math.log(sum);
      for (let c = 0; c < classes; c++) {
        row[c] = logits[o + c] - lse; // log-softmax
        logSum[o + c] = logAddExp(logSum[o + c], row[c]);
      }
    }
    this.samples++;
  }

  /** log of the averaged predictive, n × classes. */
  logProbabilities(): Float64Array {
    const logM = Math.log(this.samples);
    return this.logSum.map((v) => v - logM);
  }

  probabilities(): Float64Array {
    return this.logProbabilities().map(Math.exp);
  }
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** Predicted class and confidence (max probability) per image; numpy's argmax: the first maximum. */
export function predictions(probs: ArrayLike<number>, classes: number): { predicted: Int32Array; confidence: Float64Array } {
  const n = probs.length / classes;
  const predicted = new Int32Array(n);
  const confidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let top = probs[i * classes];
    for (let c = 1; c < classes; c++) {
      const p = probs[i * classes + c];
      if (p > top || Number.isNaN(top)) {
        top = p;
        best = c;
      }
    }
    predicted[i] = best;
    confidence[i] = top;
  }
  return { predicted, confidence };
}

export function accuracyOf(predicted: Int32Array, labels: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) right++;
  return right / predicted.length;
}

/** −mean log p(label) from log-probabilities (n × classes). */
export function nllOf(logProbs: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) total -= logProbs[i * classes + labels[i]];
  return total / labels.length;
}

export const ECE_BINS = 20;

export interface CalibrationBin {
  /** The bin takes confidences with lower ≤ c ≤ upper. */
  lower: number;
  upper: number;
  count: number;
  /** Mean confidence and accuracy of the bin's images (NaN when empty). */
  confidence: number;
  accuracy: number;
}

/** numpy.linspace(start, stop, num): start + i·step, the last value exactly stop. */
export function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : start + i * step));
}

/** The 20 bins of the official ECE, both ends inclusive (for the reliability diagram too). */
export function calibrationBins(confidence: ArrayLike<number>, correct: ArrayLike<boolean>, bins = ECE_BINS): CalibrationBin[] {
  const edges = linspace(0, 1, bins + 1);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const lower = edges[b];
    const upper = edges[b + 1];
    let count = 0;
    let conf = 0;
    let right = 0;
    for (let i = 0; i < confidence.length; i++) {
      const c = confidence[i];
      if (c >= lower && c <= upper) {
        count++;
        conf += c;
        if (correct[i]) right++;
      }
    }
    out.push({ lower, upper, count, confidence: count ? conf / count : NaN, accuracy: count ? right / count : NaN });
  }
  return out;
}

/** Σ_bins |mean confidence − accuracy| · count / n (n = all images, so boundary values weigh twice). */
export function eceOf(bins: readonly CalibrationBin[], n: number): number {
  let total = 0;
  for (const b of bins) if (b.count) total += (Math.abs(b.confidence - b.accuracy) * b.count) / n;
  return total;
}

export const AUROC_THRESHOLDS = 2501;

/** The official misclassification-detection AUROC; NaN when every image is right or every one wrong. */
export function aurocOf(confidence: ArrayLike<number>, correct: ArrayLike<boolean>): number {
  const right: number[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < confidence.length; i++) (correct[i] ? right : wrong).push(confidence[i]);
  if (!right.length || !wrong.length) return NaN;
  const descending = (a: number, b: number) => b - a;
  right.sort(descending);
  wrong.sort(descending);
  const thresholds = linspace(1, 0, AUROC_THRESHOLDS).slice(1, -1);
  // Thresholds fall, so the counts of c ≥ t only grow: one sweep down each sorted list.
  let r = 0;
  let w = 0;
  let x = 0;
  let y = 0;
  let area = 0;
  for (const t of thresholds) {
    while (r < right.length && right[r] >= t) r++;
    while (w < wrong.length && wrong[w] >= t) w++;
    const fpr = w / wrong.length;
    const tpr = r / right.length;
    area += ((fpr - x) * (tpr + y)) / 2;
    x = fpr;
    y = tpr;
  }
  return area + ((1 - x) * (1 + y)) / 2;
}

/** All four metrics of an averaged predictive. */
export function paperMetrics(average: PredictiveAverage, labels: ArrayLike<number>): PaperMetrics & { bins: CalibrationBin[] } {
  const { classes, count } = average;
  if (labels.length !== count) throw new RangeError(`${count} predictions, ${labels.length} labels`);
  const logProbs = average.logProbabilities();
  const probs = logProbs.map(Math.exp);
  const { predicted, confidence } = predictions(probs, classes);
  const correct = Array.from(predicted, (p, i) => p === labels[i]);
  const bins = calibrationBins(confidence, correct);
  const finite = probs.every(Number.isFinite);
  return {
    accuracy: finite ? accuracyOf(predicted, labels) : NaN,
    nll: nllOf(logProbs, labels, classes),
    ece: finite ? eceOf(bins, count) : NaN,
    auroc: finite ? aurocOf(confidence, correct) : NaN,
    bins,
  };
}

/**
 * The smallest normal float32: a float32 probability that underflowed to 0 counts as this, so one confidently
 * wrong image adds at most −log(1.2e−38) ≈ 87.3 to the NLL sum instead of +∞ (the engines return float32
 * probabilities, not logits; a log-softmax could go lower, so this is a floor on such an image's loss).
 */
export const PROBABILITY_FLOOR = 1.1754943508222875e-38;

/**
 * The metrics of a predictive given as probabilities (rows of classes), for engines that return
 * probabilities rather than logits: log p is fed as the logits of one sample (softmax(log p) = p), with p
 * clamped below at PROBABILITY_FLOOR (a NaN stays NaN, so a diverged run's metrics stay undefined).
 */
export function metricsFromProbabilities(probs: readonly (readonly number[])[], labels: ArrayLike<number>): PaperMetrics {
  const classes = probs[0]?.length ?? 0;
  return metricsFromFlatProbabilities(Float64Array.from(probs.flat()), classes, labels);
}

/**
 * A predictive given as row-major [row][class] probabilities, as the engines' predictRows returns them, as one
 * sample of a PredictiveAverage: log p is fed as the logits (softmax(log p) = p), floored at PROBABILITY_FLOOR.
 */
export function averageOfProbabilities(probs: ArrayLike<number>, classes: number): PredictiveAverage {
  const rows = classes ? probs.length / classes : 0;
  const average = new PredictiveAverage(rows, classes);
  const logs = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) logs[i] = Math.log(Math.max(probs[i], PROBABILITY_FLOOR));
  average.addLogits(logs);
  return average;
}

/** metricsFromProbabilities for row-major [row][class] probabilities, as the engines' predictRows returns them. */
export function metricsFromFlatProbabilities(probs: ArrayLike<number>, classes: number, labels: ArrayLike<number>): PaperMetrics {
  const { accuracy, nll, ece, auroc } = paperMetrics(averageOfProbabilities(probs, classes), labels);
  return { accuracy, nll, ece, auroc };
}
