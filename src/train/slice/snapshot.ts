/**
 * A copy of a trained network, plain arrays only, that can travel from the training worker to the slice
 * worker (structured clone) and be sliced there while training goes on.
 *
 * Parameter layout (the trace format's): layer after layer, W as [in][out] row-major, then b [out];
 * z = x·W + b, the activation between layers and none after the last.
 */
export interface NetworkSnapshot {
  /** Layer widths from the 2 inputs to the output units (1 for 2 classes: a logistic output). */
  sizes: number[];
  activation: 'tanh' | 'relu' | 'elu';
  classes: number;
  /** The mean weights. */
  weights: Float32Array;
  /** bSAM's posterior standard deviation 1/sqrt(N·s) per parameter; null for the other optimizers. */
  posteriorStd: Float32Array | null;
  /** Training inputs, n × 2 row-major, and their labels. */
  inputs: Float32Array;
  labels: Int32Array;
  /** The training step the copy was taken at (for the caption). */
  step: number;
}

export interface LayerSlot {
  fanIn: number;
  fanOut: number;
  /** Offsets of W and b in the flat parameter vector. */
  w: number;
  b: number;
}

/** Where each layer's W and b sit in the flat parameter vector. */
export function layerSlots(sizes: number[]): LayerSlot[] {
  const slots: LayerSlot[] = [];
  let offset = 0;
  for (let k = 0; k + 1 < sizes.length; k++) {
    const [fanIn, fanOut] = [sizes[k], sizes[k + 1]];
    slots.push({ fanIn, fanOut, w: offset, b: offset + fanIn * fanOut });
    offset += fanIn * fanOut + fanOut;
  }
  return slots;
}

export function parameterCount(sizes: number[]): number {
  return layerSlots(sizes).reduce((n, s) => n + s.fanIn * s.fanOut + s.fanOut, 0);
}

/** A readable name for parameter i, e.g. "layer 2 W[5,7]" or "layer 1 b[3]" (layers counted from 1). */
export function parameterName(sizes: number[], index: number): string {
  const slots = layerSlots(sizes);
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k];
    if (index < s.b) return `layer ${k + 1} W[${Math.floor((index - s.w) / s.fanOut)},${(index - s.w) % s.fanOut}]`;
    if (index < s.b + s.fanOut) return `layer ${k + 1} b[${index - s.b}]`;
  }
  throw new RangeError(`parameter ${index} is beyond the network's ${parameterCount(sizes)}`);
}
