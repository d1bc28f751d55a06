/**
 * The paper's test metrics of a run (either engine) after an epoch: mean weights and, for bSAM, the model average over
 * `predictiveSamples` posterior samples (the engine averages probabilities; log of that average is the
 * official log-mean-exp NLL, to float32 rounding). Bins are kept for the reliability diagrams.
 */
import type { ArrayDataset } from '../train/data/index.ts';
import type { LabRun } from '../train/lab-run.ts';
import type { FlatPrediction } from '../train/run.ts';
import { averageOfProbabilities, paperMetrics, type CalibrationBin, type PaperMetrics } from '../train/paper-metrics.ts';

export interface MetricsWithBins {
  metrics: PaperMetrics;
  bins: CalibrationBin[];
}

/** Metrics of row-major probabilities: log p is fed as one sample's logits (softmax(log p) = p), floored as the engines' outputs are float32. */
export function metricsOfProbabilities(probs: Float32Array, classes: number, labels: Int32Array): MetricsWithBins {
  const { bins, ...metrics } = paperMetrics(averageOfProbabilities(probs, classes), labels);
  return { metrics, bins };
}

export interface RunEvaluation {
  mean: MetricsWithBins;
  bayes: MetricsWithBins | null;
  probabilities: { mean: Float32Array; bayes: Float32Array | null };
}

/** The metrics of `run` on the test split: synchronous on the fused engine, a promise on tfjs (device reads). */
export function evaluateOnTest(run: Pick<LabRun, 'config' | 'predictRows'>, table: ArrayDataset): RunEvaluation | Promise<RunEvaluation> {
  const p = run.predictRows(table.test.x);
  const isBsam = run.config.optimizer.kind === 'bsam';
  return p instanceof Promise ? p.then((q) => evaluatePrediction(q, isBsam, table)) : evaluatePrediction(p, isBsam, table);
}

function evaluatePrediction(p: FlatPrediction, isBsam: boolean, table: ArrayDataset): RunEvaluation {
  const { labels } = table.test;
  return {
    mean: metricsOfProbabilities(p.mean, table.classes, labels),
    bayes: isBsam ? metricsOfProbabilities(p.averaged, table.classes, labels) : null,
    probabilities: { mean: p.mean, bayes: isBsam ? p.averaged : null },
  };
}
