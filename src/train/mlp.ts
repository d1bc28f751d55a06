/**
 * Multilayer perceptrons as plain parameter lists, the layout of the official code and of `bsam-trace/1`:
 * per layer w: [in][out] and b: [out], z = x·w + b, the activation between layers and none after the last.
 */
import { tf } from './tf.ts';

export type Activation = 'linear' | 'tanh' | 'elu' | 'relu';

/** Parameters in layer order: [w0, b0, w1, b1, …]. */
export type Params = tf.Tensor[];

export interface LayerValues {
  w: number[][];
  b: number[];
}

export function activate(z: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'tanh':
      return tf.tanh(z);
    case 'elu':
      return tf.elu(z);
    case 'relu':
      return tf.relu(z);
    case 'linear':
      return z;
  }
}

/** The logits z of the last layer for inputs x: [batch][in]. */
export function forward(params: Params, x: tf.Tensor, activation: Activation): tf.Tensor {
  let h = x;
  const layers = params.length / 2;
  for (let k = 0; k < layers; k++) {
    const z = tf.add(tf.matMul(h, params[2 * k]), params[2 * k + 1]);
    h = k < layers - 1 ? activate(z, activation) : z;
  }
  return h;
}

/** The logistic loss mean(−y·z + log(1 + e^z)) for 0/1 labels y: [batch][1] (softplus keeps it stable). */
export function logisticLoss(z: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z)));
}

/**
 * The official `nll_categorical`: mean over rows of −Σ_c y_c·z_c + logsumexp(z), for rows of class weights y
 * (one-hot in the reference traces) and logits z, both [batch][classes].
 */
export function softmaxLoss(z: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.sub(tf.logSumExp(z, 1), tf.sum(tf.mul(y, z), 1)));
}

export function paramsFromLayers(layers: LayerValues[]): Params {
  return layers.flatMap((layer) => [tf.tensor2d(layer.w), tf.tensor1d(layer.b)]);
}

export function layersFromParams(params: Params): LayerValues[] {
  const out: LayerValues[] = [];
  for (let k = 0; k < params.length; k += 2) {
    out.push({ w: params[k].arraySync() as number[][], b: params[k + 1].arraySync() as number[] });
  }
  return out;
}
