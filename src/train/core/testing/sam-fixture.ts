/**
 * Used only by tests: a small image-free problem (3 inputs, 2 or 3 classes, 24 training rows) and SAM configs on
 * it, shared by the m-sharpness conformance tests of both engines and the K = 1 pins.
 */
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../../../state/training.ts';
import type { ArrayDataset } from '../../datasets.ts';

export const FIXTURE_INPUTS = 3;
export const FIXTURE_ROWS = 24;

/** Deterministic rows: smooth functions of the row index, labels from their sign pattern (no random stream). */
export function samFixtureData(classes: 2 | 3): ArrayDataset {
  const rows = (n: number, shift: number) => {
    const x = Float32Array.from({ length: n * FIXTURE_INPUTS }, (_, i) => Math.sin(1.7 * (i + shift)) + 0.3 * Math.cos(0.45 * (i + shift)));
    const labels = Int32Array.from({ length: n }, (_, r) => (x[FIXTURE_INPUTS * r] + x[FIXTURE_INPUTS * r + 1] > 0 ? 1 : 0) + (classes === 3 && x[FIXTURE_INPUTS * r + 2] > 0.5 ? 1 : 0));
    return { x, labels };
  };
  return { inputDim: FIXTURE_INPUTS, classes, train: rows(FIXTURE_ROWS, 0), test: rows(6, 1000) };
}

export type SamKind = 'sam-sgd' | 'sam-adam';

/** SAM over SGD (momentum 0.9) or Adam with m-sharpness K, a fixed learning rate, weight decay as given. */
export function samFixtureConfig(kind: SamKind, K: number, batchSize = 8): TrainingConfig {
  return {
    ...OFFICIAL_BSAM_DEMO,
    model: { hidden: [6, 5], activation: 'elu', biasInit: 0.05 },
    optimizer: {
      ...OFFICIAL_BSAM_DEMO.optimizer,
      kind,
      learningRate: kind === 'sam-sgd' ? 0.1 : 0.01,
      momentum: 0.9,
      rho: 0.05,
      weightDecay: 1e-3,
      msharpness: K,
    },
    schedule: 'constant',
    batchSize,
    epochs: 3,
    predictiveSamples: 4,
    seeds: { data: 3, init: 4, noise: 5 },
  };
}

/** FNV-1a over the bits of float32 values: pins a trajectory bit for bit in a short string. */
export function float32Bits(values: ArrayLike<number>): string {
  const f = Float32Array.from(values);
  const u = new Uint32Array(f.buffer);
  let h = 0x811c9dc5;
  for (const word of u) {
    for (let b = 0; b < 4; b++) {
      h ^= (word >>> (8 * b)) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}
