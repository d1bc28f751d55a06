/**
 * Evaluation metrics as in the official evaluation (theory.md §5): accuracy, NLL of the (averaged) predictive,
 * expected calibration error with 20 equal-width confidence bins (and the bins, for a reliability diagram),
 * and AUROC for two classes. Plain arrays: probabilities [n][classes], labels [n].
 */

/** One line of `cli train --config` and of the metric history: the epoch's train loss and test metrics. */
export interface EpochReport {
  epoch: number;
  step: number;
  train_loss: number;
  test_accuracy: number;
  nll: number;
  ece: number;
}

/** The metrics of one evaluation, with the reliability bins for the diagram. */
export interface Evaluation {
  accuracy: number;
  nll: number;
  ece: number;
  reliability: ReliabilityBin[];
  /** Which points were evaluated: the test set, or the training set when there is no test set. */
  on: 'test' | 'train';
}

const EPS = 1e-12;

/**
 * A diverged run predicts NaN: its metrics are NaN (printed as null), not numbers made up from NaN
 * comparisons — and never a crash (issue 11: a NaN confidence indexed bin NaN of the reliability bins).
 */
const allFinite = (probs: number[][]) => probs.every((p) => p.every(Number.isFinite));

export function accuracy(probs: number[][], labels: number[]): number {
  if (!allFinite(probs)) return NaN;
  let right = 0;
  probs.forEach((p, i) => (right += argmax(p) === labels[i] ? 1 : 0));
  return right / labels.length;
}

export function nll(probs: number[][], labels: number[]): number {
  let total = 0;
  probs.forEach((p, i) => (total -= Math.log(Math.max(p[labels[i]], EPS))));
  return total / labels.length;
}

export interface ReliabilityBin {
  /** Confidence range [lo, hi). */
  lo: number;
  hi: number;
  count: number;
  /** Mean confidence and accuracy of the points in the bin (NaN when empty). */
  confidence: number;
  accuracy: number;
}

/** Bins of the top-class confidence (the last bin includes 1); non-finite confidences are in no bin. */
export function reliability(probs: number[][], labels: number[], bins = 20): ReliabilityBin[] {
  const out = Array.from({ length: bins }, (_, b) => ({ lo: b / bins, hi: (b + 1) / bins, count: 0, confidence: 0, accuracy: 0 }));
  probs.forEach((p, i) => {
    const top = argmax(p);
    const conf = p[top];
    if (!Number.isFinite(conf)) return;
    const bin = out[Math.min(bins - 1, Math.floor(conf * bins))];
    bin.count++;
    bin.confidence += conf;
    bin.accuracy += top === labels[i] ? 1 : 0;
  });
  for (const bin of out) {
    bin.confidence = bin.count ? bin.confidence / bin.count : NaN;
    bin.accuracy = bin.count ? bin.accuracy / bin.count : NaN;
  }
  return out;
}

/** ECE = Σ_bins (n_b / n)·|accuracy_b − confidence_b|. */
export function ece(probs: number[][], labels: number[], bins = 20): number {
  if (!allFinite(probs)) return NaN;
  let total = 0;
  for (const bin of reliability(probs, labels, bins)) if (bin.count) total += bin.count * Math.abs(bin.accuracy - bin.confidence);
  return total / labels.length;
}

/** AUROC of p(class 1) for two classes (ties count half); NaN when one class is absent. */
export function auroc(probs: number[][], labels: number[]): number {
  const scored = probs.map((p, i) => ({ s: p[1], y: labels[i] })).sort((a, b) => a.s - b.s);
  const positives = scored.filter((x) => x.y === 1).length;
  const negatives = scored.length - positives;
  if (!positives || !negatives) return NaN;
  // Mann–Whitney: the sum of the positives' (average) ranks.
  let rankSum = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && scored[j].s === scored[i].s) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (scored[k].y === 1) rankSum += rank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function argmax(p: number[]): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  return best;
}
