/**
 * SAM's m-sharpness (the official `--batchsplit K`) on both engines against the slow float64 reference
 * (testing/sam-reference.ts), step by step, and the K = 1 path pinned bit for bit to what it computed before
 * m-sharpness reached SAM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedTrainingRun } from '../fused/fused-run.ts';
import { fromParams, maxAbsDifference } from '../fused/testing/tfjs-bridge.ts';
import { TrainingRun } from '../run.ts';
import { tf } from '../tf.ts';
import { ADAM_EPSILON } from './optimizer-plan.ts';
import { float32Bits, FIXTURE_INPUTS, samFixtureConfig, samFixtureData, type SamKind } from './testing/sam-fixture.ts';
import { referenceSamState, referenceSamStep, type ReferenceNet, type ReferenceSamHyper } from './testing/sam-reference.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * The batches, by row: three full batches of 8, then 10 rows (K = 4 takes 4 sub-batches of 2 and drops 2 rows;
 * K = 1 and 2 use all 10) and 3 rows (fewer than K = 4: three sub-batches of one row).
 */
const BATCHES = [
  [0, 1, 2, 3, 4, 5, 6, 7],
  [8, 9, 10, 11, 12, 13, 14, 15],
  [23, 16, 22, 17, 21, 18, 20, 19],
  [3, 9, 14, 20, 1, 22, 7, 11, 5, 18],
  [2, 13, 19],
];

interface Engine {
  name: string;
  make: (kind: SamKind, K: number, classes: 2 | 3) => { weights: () => Float32Array; trainStep: (rows: number[]) => number; dispose: () => void };
}

const ENGINES: Engine[] = [
  {
    name: 'fused',
    make: (kind, K, classes) => {
      const run = new FusedTrainingRun(samFixtureConfig(kind, K), { data: samFixtureData(classes) });
      return { weights: () => Float32Array.from(run.weights), trainStep: (rows) => run.trainStep(rows), dispose: () => run.dispose() };
    },
  },
  {
    name: 'tfjs',
    make: (kind, K, classes) => {
      const run = new TrainingRun(samFixtureConfig(kind, K), { data: samFixtureData(classes) });
      return { weights: () => fromParams(run.weights), trainStep: (rows) => run.trainStep(rows), dispose: () => run.dispose() };
    },
  },
];

function referenceHyper(kind: SamKind, K: number, rows: number): ReferenceSamHyper {
  const o = samFixtureConfig(kind, K).optimizer;
  return { base: kind === 'sam-sgd' ? 'sgd' : 'adam', learningRate: o.learningRate, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: ADAM_EPSILON, weightDecay: o.weightDecay, rho: o.rho, K: Math.min(K, rows) };
}

/** The reference's weights and losses over BATCHES, from the engine's own initial weights. */
function referenceTrajectory(kind: SamKind, K: number, classes: 2 | 3, init: Float32Array): { weights: number[][]; losses: number[] } {
  const net: ReferenceNet = { sizes: [FIXTURE_INPUTS, 6, 5, classes === 2 ? 1 : classes], activation: 'elu' };
  const data = samFixtureData(classes);
  const state = referenceSamState(init);
  const out = { weights: [] as number[][], losses: [] as number[] };
  for (const rows of BATCHES) {
    const x = rows.map((r) => Array.from(data.train.x.subarray(FIXTURE_INPUTS * r, FIXTURE_INPUTS * (r + 1))));
    const labels = rows.map((r) => data.train.labels[r]);
    out.losses.push(referenceSamStep(net, state, x, labels, referenceHyper(kind, K, rows.length)));
    out.weights.push([...state.w]);
  }
  return out;
}

describe.each(ENGINES)('$name engine: SAM with m-sharpness against the float64 reference', (engine) => {
  it.each([
    ['sam-sgd', 1, 3],
    ['sam-sgd', 2, 3],
    ['sam-sgd', 4, 3],
    ['sam-adam', 1, 3],
    ['sam-adam', 2, 3],
    ['sam-adam', 4, 3],
    ['sam-sgd', 4, 2],
    ['sam-adam', 2, 2],
  ] as const)('%s, K = %i, %i classes: weights and losses at every step within float32 rounding', (kind, K, classes) => {
    const run = engine.make(kind, K, classes);
    try {
      const init = run.weights();
      const expected = referenceTrajectory(kind, K, classes, init);
      let worstWeight = 0;
      let worstLoss = 0;
      BATCHES.forEach((rows, t) => {
        const loss = run.trainStep(rows);
        worstLoss = Math.max(worstLoss, Math.abs(loss - expected.losses[t]));
        worstWeight = Math.max(worstWeight, maxAbsDifference(run.weights(), expected.weights[t]));
      });
      expect(worstLoss).toBeLessThan(2e-6);
      expect(worstWeight).toBeLessThan(2e-6);
      // The tolerance must be able to tell K apart: the reference with K = 1 ends elsewhere.
      if (K > 1) expect(maxAbsDifference(referenceTrajectory(kind, 1, classes, init).weights[4], expected.weights[4])).toBeGreaterThan(1e-4);
    } finally {
      run.dispose();
    }
  });
});

describe('SAM asked for K = 1 trains bit for bit as before m-sharpness reached SAM', () => {
  // Recorded with the code before this change (commit 58b6ffb, where SAM ignored msharpness) on the fixture:
  // FNV-1a of the float32 bits of the weights and of the 6 losses after 6 advance() steps (data order seed 5).
  // A change here means the K = 1 path computes something else than it did, by as little as one rounding.
  const PINS: Record<string, [string, string, string, string]> = {
    'sam-sgd 3': ['560fa2a0', 'ff050499', '29536cc3', 'f55c05e4'],
    'sam-adam 3': ['894f514c', '7a51d8a3', '085a2c94', '22a56865'],
    'sam-sgd 2': ['df689738', '276ddb76', '5b6ed8ca', '59908b9d'],
    'sam-adam 2': ['68aa8414', '87b96f2c', '5d8b8c31', '6bdff1e8'],
  };
  it.each(Object.entries(PINS))('%s classes: fused and tfjs weights and losses', (key, [fusedWeights, fusedLosses, tfjsWeights, tfjsLosses]) => {
    const [kind, classes] = key.split(' ') as [SamKind, string];
    const data = samFixtureData(Number(classes) as 2 | 3);
    const config = samFixtureConfig(kind, 1);
    const fused = new FusedTrainingRun(config, { data });
    const tfjs = new TrainingRun(config, { data });
    const losses = { fused: [] as number[], tfjs: [] as number[] };
    for (let s = 0; s < 6; s++) {
      losses.fused.push(fused.advance().loss);
      losses.tfjs.push(tfjs.advance().loss);
    }
    expect([float32Bits(fused.weights), float32Bits(losses.fused), float32Bits(fromParams(tfjs.weights)), float32Bits(losses.tfjs)]).toEqual([fusedWeights, fusedLosses, tfjsWeights, tfjsLosses]);
    tfjs.dispose();
  });
});
