/**
 * Directions to slice a network's loss along, in the flat parameter layout of snapshot.ts.
 *
 * - Filter-normalised random directions (Li et al., 2018, "Visualizing the loss landscape of neural nets"): a
 *   Gaussian direction whose every filter is rescaled to the norm of the matching filter of the weights, and
 *   whose biases are zero. For a dense layer a filter is one unit's incoming weights: a column of W[in][out].
 *   This makes a step of 1 along the direction comparable across layers and across networks of any scale.
 * - The largest-posterior-variance direction of bSAM: the posterior N(w, diag(1/(N·s))) is diagonal, so its
 *   principal axes are the coordinate axes and the largest-variance one is the parameter with the largest std.
 *   It is scaled like a filter-normalised direction (to the norm of that parameter's filter), so both axes of a
 *   2-D slice share units.
 */
import { seededNormal } from '../../math/random.ts';
import { layerSlots, parameterName, type NetworkSnapshot } from './snapshot.ts';

export interface SliceDirection {
  vector: Float32Array;
  /** What the axis means, for its label. */
  label: string;
}

function filterNorms(weights: Float32Array, sizes: number[]): { slot: ReturnType<typeof layerSlots>[number]; norms: Float64Array }[] {
  return layerSlots(sizes).map((slot) => {
    const norms = new Float64Array(slot.fanOut);
    for (let i = 0; i < slot.fanIn; i++) for (let j = 0; j < slot.fanOut; j++) norms[j] += weights[slot.w + i * slot.fanOut + j] ** 2;
    return { slot, norms: norms.map(Math.sqrt) };
  });
}

export function filterNormalisedDirection(snapshot: NetworkSnapshot, seed: number): SliceDirection {
  const draw = seededNormal(seed);
  const d = new Float32Array(snapshot.weights.length);
  for (const { slot, norms } of filterNorms(snapshot.weights, snapshot.sizes)) {
    const raw = new Float64Array(slot.fanIn * slot.fanOut).map(() => draw());
    for (let j = 0; j < slot.fanOut; j++) {
      let norm = 0;
      for (let i = 0; i < slot.fanIn; i++) norm += raw[i * slot.fanOut + j] ** 2;
      const scale = norm > 0 ? norms[j] / Math.sqrt(norm) : 0;
      for (let i = 0; i < slot.fanIn; i++) d[slot.w + i * slot.fanOut + j] = raw[i * slot.fanOut + j] * scale;
    }
    // Biases stay zero: Li et al. leave them out of the direction.
  }
  return { vector: d, label: `filter-normalised random direction (seed ${seed})` };
}

/** The parameter with the largest posterior std, as a direction; null without a posterior (not bSAM). */
export function largestVarianceDirection(snapshot: NetworkSnapshot): SliceDirection | null {
  const std = snapshot.posteriorStd;
  if (!std) return null;
  let best = 0;
  for (let i = 1; i < std.length; i++) if (std[i] > std[best]) best = i;
  const d = new Float32Array(snapshot.weights.length);
  let scale = 1;
  for (const { slot, norms } of filterNorms(snapshot.weights, snapshot.sizes)) {
    if (best >= slot.w && best < slot.b) scale = norms[(best - slot.w) % slot.fanOut] || 1;
    else if (best >= slot.b && best < slot.b + slot.fanOut) scale = Math.abs(snapshot.weights[best]) || 1;
  }
  d[best] = scale;
  return { vector: d, label: `largest posterior std: ${parameterName(snapshot.sizes, best)} (std ${std[best].toPrecision(3)})` };
}
