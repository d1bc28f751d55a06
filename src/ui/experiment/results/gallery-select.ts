/**
 * Which test images the gallery shows: the k most confident mistakes under the mean weights (argmax ≠
 * label, highest max-probability first) and the k most uncertain images (highest predictive entropy under
 * bSAM's model average when the run has one, else under the mean weights). Ties go to the lower index, so
 * a selection is the same on every machine. Images whose probabilities are not finite are skipped.
 */
import { predictions as argmaxes } from '../../../train/paper-metrics.ts';
import type { TestPredictions } from './run-result.ts';

/** At most this many images per group: each one is a canvas and two bar rows, so the page stays light. */
export const MAX_GALLERY = 12;

export interface GalleryItem {
  /** Index in the test set. */
  index: number;
  label: number;
  /** Argmax under the mean weights (numpy's first maximum). */
  predicted: number;
  /** Max probability under the mean weights. */
  confidence: number;
  /** Predictive entropy (nats) of the distribution the uncertainty ranking used. */
  entropy: number;
}

export interface GallerySelection {
  mistakes: GalleryItem[];
  uncertain: GalleryItem[];
  /** Which predictive ranked the uncertain images. */
  uncertaintyFrom: 'bayes' | 'mean';
}

/** −Σ p log p of row i (0 · log 0 = 0); NaN when a probability is not finite. */
export function entropyOf(probs: ArrayLike<number>, classes: number, i: number): number {
  let h = 0;
  for (let c = 0; c < classes; c++) {
    const p = probs[i * classes + c];
    if (!Number.isFinite(p)) return NaN;
    if (p > 0) h -= p * Math.log(p);
  }
  return h;
}

/**
 * Indices of the k largest keys (NaN keys skipped), largest first, ties by lower index: one pass with a
 * small sorted buffer, O(n·k), k ≤ 12.
 */
export function topK(n: number, k: number, key: (i: number) => number): number[] {
  const out: number[] = [];
  const keys: number[] = [];
  if (k <= 0) return out;
  for (let i = 0; i < n; i++) {
    const v = key(i);
    if (Number.isNaN(v)) continue;
    if (out.length === k && v <= keys[k - 1]) continue; // equal keys keep the earlier index
    let at = out.length;
    while (at > 0 && keys[at - 1] < v) at--;
    out.splice(at, 0, i);
    keys.splice(at, 0, v);
    if (out.length > k) {
      out.pop();
      keys.pop();
    }
  }
  return out;
}

export function selectGallery(preds: TestPredictions, labels: ArrayLike<number>, k: number = MAX_GALLERY): GallerySelection {
  const { classes, mean, bayes } = preds;
  const n = labels.length;
  if (mean.length !== n * classes) throw new RangeError(`${mean.length} mean-weight probabilities for ${n} images × ${classes} classes`);
  if (bayes && bayes.length !== n * classes) throw new RangeError(`${bayes.length} model-average probabilities for ${n} images × ${classes} classes`);
  const count = Math.max(0, Math.min(MAX_GALLERY, Math.floor(k)));
  const { predicted, confidence } = argmaxes(mean, classes);
  const ranked = bayes ?? mean;
  const item = (index: number): GalleryItem => ({ index, label: labels[index], predicted: predicted[index], confidence: confidence[index], entropy: entropyOf(ranked, classes, index) });
  const finiteMean = (i: number) => Number.isFinite(entropyOf(mean, classes, i));
  const mistakes = topK(n, count, (i) => (predicted[i] !== labels[i] && finiteMean(i) ? confidence[i] : NaN)).map(item);
  const uncertain = topK(n, count, (i) => (finiteMean(i) ? entropyOf(ranked, classes, i) : NaN)).map(item);
  return { mistakes, uncertain, uncertaintyFrom: bayes ? 'bayes' : 'mean' };
}
