/**
 * The lab's networks: MLPs from 2 inputs (or any number: 784 for images), 0–6 hidden layers of width 1–128 (tanh, relu or elu), a logistic
 * output for 2 classes and softmax for more. Seeded LeCun-normal weights (variance 1/fan_in, the default of
 * the official code's layers) and a constant bias (the official demo uses 0.05).
 */
import { seededNormal } from '../math/random.ts';
import { activate, forward, logisticLoss, type Activation, type Params } from './mlp.ts';
import { tf } from './tf.ts';

export interface MlpSpec {
  /** Input values a row: 2 (the lab's planes) when absent, 784 for 28×28 images. */
  inputs?: number;
  hidden: number[];
  activation: Exclude<Activation, 'linear'>;
  classes: number;
  biasInit: number;
  seed: number;
}

export const INPUTS = 2;

/** Why a spec cannot be built, or null. */
export function mlpSpecProblem(spec: MlpSpec): string | null {
  if (spec.hidden.length > 6) return 'at most 6 hidden layers';
  if (spec.hidden.some((w) => !Number.isInteger(w) || w < 1 || w > 128)) return 'hidden widths must be integers from 1 to 128';
  if (!Number.isInteger(spec.classes) || spec.classes < 2 || spec.classes > 10) return 'classes must be an integer from 2 to 10';
  if (!Number.isFinite(spec.biasInit)) return 'the bias initialisation must be a finite number';
  return null;
}

export function layerSizes(spec: MlpSpec): number[] {
  return [spec.inputs ?? INPUTS, ...spec.hidden, spec.classes === 2 ? 1 : spec.classes];
}

/** Seeded initial parameters [w0, b0, w1, b1, …]: the same spec gives the same numbers on every backend. */
export function initParams(spec: MlpSpec): Params {
  const normal = seededNormal(spec.seed);
  const sizes = layerSizes(spec);
  const params: Params = [];
  for (let k = 0; k + 1 < sizes.length; k++) {
    const [fanIn, fanOut] = [sizes[k], sizes[k + 1]];
    const w = Float32Array.from({ length: fanIn * fanOut }, () => normal() / Math.sqrt(fanIn));
    params.push(tf.tensor2d(w, [fanIn, fanOut]), tf.fill([fanOut], spec.biasInit));
  }
  return params;
}

/** Mean loss of a batch: logistic on 0/1 labels for 2 classes, softmax cross-entropy otherwise. */
export function batchLoss(spec: MlpSpec, params: Params, x: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const z = forward(params, x, spec.activation);
  if (spec.classes === 2) return logisticLoss(z, tf.reshape(tf.cast(labels, 'float32'), [-1, 1]));
  return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), spec.classes), z) as tf.Scalar;
}

/** Class probabilities [batch][classes] (for 2 classes: [1 − σ(z), σ(z)]). */
export function predictProba(spec: MlpSpec, params: Params, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const z = forward(params, x, spec.activation);
    if (spec.classes > 2) return tf.softmax(z) as tf.Tensor2D;
    // σ(−z) = 1 − σ(z) without a scalar upload (and without cancellation when σ(z) is near 1).
    return tf.concat([tf.sigmoid(tf.neg(z)), tf.sigmoid(z)], 1) as tf.Tensor2D;
  });
}

/**
 * Σ_k mean loss of sub-batch k for parameters stacked over K sub-batches (w: [K, in, out], b: [K, out]) and
 * inputs x: [K, b, inputs], labels: [K, b]: one batched matmul a layer instead of K (see bsamStepStacked).
 */
export function stackedBatchLoss(spec: MlpSpec, stacked: Params, x: tf.Tensor3D, labels: tf.Tensor2D): tf.Scalar {
  let h: tf.Tensor = x;
  const layers = stacked.length / 2;
  for (let k = 0; k < layers; k++) {
    const z = tf.add(tf.matMul(h as tf.Tensor3D, stacked[2 * k] as tf.Tensor3D), tf.expandDims(stacked[2 * k + 1], 1));
    h = k < layers - 1 ? activate(z, spec.activation) : z;
  }
  const perSubBatch =
    spec.classes === 2
      ? tf.mean(tf.sub(tf.softplus(h), tf.mul(tf.expandDims(tf.cast(labels, 'float32'), 2), h)), [1, 2])
      : tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.cast(labels, 'int32'), spec.classes), tf.logSoftmax(h)), 2), 1));
  return tf.sum(perSubBatch);
}

/**
 * Class probabilities [S, batch, classes] of S parameter sets stacked as [S, …shape] at the same inputs
 * x: [batch, inputs]: the posterior samples of a decision grid in one batched pass instead of S passes. Each
 * layer's input is freed as soon as the next is computed, so memory stays at two layers' activations.
 */
export function stackedProba(spec: MlpSpec, stacked: Params, x: tf.Tensor2D): tf.Tensor3D {
  const S = stacked[0].shape[0];
  const layers = stacked.length / 2;
  let h: tf.Tensor = tf.tile(tf.expandDims(x, 0), [S, 1, 1]);
  for (let k = 0; k < layers; k++) {
    const input = h;
    h = tf.tidy(() => {
      const z = tf.add(tf.matMul(input as tf.Tensor3D, stacked[2 * k] as tf.Tensor3D), tf.expandDims(stacked[2 * k + 1], 1));
      if (k < layers - 1) return activate(z, spec.activation);
      if (spec.classes > 2) return tf.softmax(z);
      return tf.concat([tf.sigmoid(tf.neg(z)), tf.sigmoid(z)], 2);
    });
    input.dispose();
  }
  return h as tf.Tensor3D;
}
