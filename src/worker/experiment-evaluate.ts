/**
 * The paper's test metrics of a fused run after an epoch: mean weights and, for bSAM, the model average over
 * `predictiveSamples` posterior samples (the engine averages probabilities; log of that average is the
 * official log-mean-exp NLL, to float32 rounding). Bins are kept for the reliability diagrams.
 */
import type { ArrayDataset } from '../train/data/index.ts';
import type { FusedTrainingRun } from '../train/fused/fused-run.ts';
import { paperMetrics, PredictiveAverage, PROBABILITY_FLOOR, type CalibrationBin, type PaperMetrics } from '../train/paper-metrics.ts';

export interface MetricsWithBins {
  metrics: PaperMetrics;
  bins: CalibrationBin[];
}

/** Metrics of row-major probabilities: log p is fed as one sample's logits (softmax(log p) = p), floored as the engines' outputs are float32. */
export function metricsOfProbabilities(probs: Float32Array, classes: number, labels: Int32Array): MetricsWithBins {
  const average = new PredictiveAverage(labels.length, classes);
  const logs = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) logs[i] = Math.log(Math.max(probs[i], PROBABILITY_FLOOR));
  average.addLogits(logs);
  const { bins, ...metrics } = paperMetrics(average, labels);
  return { metrics, bins };
}

export interface RunEvaluation {
  mean: MetricsWithBins;
  bayes: MetricsWithBins | null;
  probabilities: { mean: Float32Array; bayes: Float32Array | null };
}

export function evaluateOnTest(run: FusedTrainingRun, table: ArrayDataset): RunEvaluation {
  const { x, labels } = table.test;
  const p = run.predictRows(x);
  const isBsam = run.config.optimizer.kind === 'bsam';
  return {
    mean: metricsOfProbabilities(p.mean, table.classes, labels),
    bayes: isBsam ? metricsOfProbabilities(p.averaged, table.classes, labels) : null,
    probabilities: { mean: p.mean, bayes: isBsam ? p.averaged : null },
  };
}
