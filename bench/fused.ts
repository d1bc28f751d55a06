/**
 * Training speed of the fused CPU engine (src/train/fused) beside TrainingRun on tfjs's cpu backend, in Node:
 * steps per second in steady state, without evaluation — the median of several 1-second windows after a
 * warm-up, so a garbage-collector pause or a neighbour's burst decides one window, not the row.
 * Standalone: `npx tsx bench/fused.ts` prints a Markdown table. (theory.md §7: jit-compiled JAX runs the
 * official demo at about 1,200 steps/s on this machine; §8: JAX runs bSAM on 784-100-10, batch 100, K = 4 at ~27–43 steps/s.)
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../src/state/training.ts';
import { FusedTrainingRun } from '../src/train/fused/fused-run.ts';
import { zigguratNormal } from '../src/math/ziggurat.ts';
import { DenseMlp } from '../src/train/fused/dense-mlp.ts';
import { createBsamState, FusedBsamStep } from '../src/train/fused/fused-bsam.ts';
import { FusedOptimizer } from '../src/train/fused/fused-optimizers.ts';
import { initFlatParams } from '../src/train/fused/init-params.ts';
import { TrainingRun } from '../src/train/run.ts';
import { tf } from '../src/train/tf.ts';
import { SMALL_MLP } from './train.ts';

export interface BenchRow {
  name: string;
  median: number;
  unit: string;
}

interface Steppable {
  advance(): unknown;
  dispose(): void;
}

/**
 * A run that starts afresh when it has trained its configured epochs, as the demo does (250 epochs, 750
 * steps). Past its end the cosine schedule climbs back to the full learning rate and the official demo
 * diverges (around epoch 500), and steps on overflowing numbers are not the steps anyone times.
 */
export function repeating(make: () => Steppable & { epoch: number }, epochs: number): Steppable {
  let run = make();
  return {
    advance: () => {
      if (run.epoch >= epochs) {
        run.dispose();
        run = make();
      }
      return run.advance();
    },
    dispose: () => run.dispose(),
  };
}

/** Median steps/s over `windows` windows of `seconds` each, after `warmupSeconds` of untimed steps. */
export function medianStepsPerSecond(run: Steppable, windows = 5, seconds = 1, warmupSeconds = 1): number {
  try {
    const warmEnd = performance.now() + warmupSeconds * 1000;
    while (performance.now() < warmEnd) run.advance();
    const rates: number[] = [];
    for (let w = 0; w < windows; w++) {
      const t0 = performance.now();
      let steps = 0;
      // Check the clock every 16 steps: reading it costs more than a step of the small network.
      do {
        for (let k = 0; k < 16; k++) run.advance();
        steps += 16;
      } while (performance.now() - t0 < seconds * 1000);
      rates.push(steps / ((performance.now() - t0) / 1000));
    }
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)];
  } finally {
    run.dispose();
  }
}

const DEMO = 'bSAM, official demo (2-32-32-32-32-1 ELU, batch 30, K = 5)';
const SGD = 'SGD, 2-16-16-1 tanh, 256 points full batch';

export async function fusedRows(windows = 5): Promise<BenchRow[]> {
  const fused = (config: TrainingConfig) => medianStepsPerSecond(repeating(() => new FusedTrainingRun(config), config.epochs), windows);
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  // tfjs is an order of magnitude slower: fewer windows keep the bench short without changing its median much.
  const tfjs = (config: TrainingConfig) => medianStepsPerSecond(repeating(() => new TrainingRun(config), config.epochs), Math.min(windows, 3));
  return [
    { name: `${DEMO}, fused CPU, fresh 750-step run (best of 5)`, median: freshDemoStepsPerSecond(), unit: 'steps/s' },
    { name: `${DEMO}, fused CPU`, median: fused(OFFICIAL_BSAM_DEMO), unit: 'steps/s' },
    { name: `${SGD}, fused CPU`, median: fused(SMALL_MLP), unit: 'steps/s' },
    { name: `${DEMO}, tfjs cpu`, median: tfjs(OFFICIAL_BSAM_DEMO), unit: 'steps/s' },
    { name: `${SGD}, tfjs cpu`, median: tfjs(SMALL_MLP), unit: 'steps/s' },
  ];
}

/**
 * The demo as a user sees it: a fresh run of its 750 steps (250 epochs × 3 batches), start to end, the run's
 * construction included; the best of `runs` (a neighbour's burst slows one run, nothing speeds one up).
 */
export function freshDemoStepsPerSecond(runs = 5): number {
  let best = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const run = new FusedTrainingRun(OFFICIAL_BSAM_DEMO);
    const steps = OFFICIAL_BSAM_DEMO.epochs * run.stepsPerEpoch;
    for (let k = 0; k < steps; k++) run.advance();
    best = Math.max(best, steps / ((performance.now() - t0) / 1000));
  }
  return best;
}

/** An image-classifier setting of issue 13 (theory.md §8): an ELU MLP on 28×28 inputs, softmax over 10 classes. */
export interface ImageSetting {
  name: string;
  sizes: number[];
  batch: number;
  optimizer: 'bsam' | 'sgd' | 'sam-sgd';
  /** bSAM's and SAM's sub-batches (m-sharpness). */
  K: number;
  /** Training images an epoch: steps an epoch = trainImages / batch. */
  trainImages: number;
}

export const IMAGE_SETTINGS: ImageSetting[] = [
  { name: 'bSAM, 784-100-10 ELU, batch 100, K = 4 (10,000 images)', sizes: [784, 100, 10], batch: 100, optimizer: 'bsam', K: 4, trainImages: 10_000 },
  { name: 'SGD, 784-100-10 ELU, batch 100 (10,000 images)', sizes: [784, 100, 10], batch: 100, optimizer: 'sgd', K: 1, trainImages: 10_000 },
  { name: 'bSAM, official mlp 784-500-300-10 ELU, batch 200, K = 8 (60,000 images)', sizes: [784, 500, 300, 10], batch: 200, optimizer: 'bsam', K: 8, trainImages: 60_000 },
];

/**
 * One fused training step of an image setting, as FusedTrainingRun takes it (the batch's rows copied in,
 * bSAM's K·P normals drawn, the step), on seeded random pixels in [0, 1) and labels 0–9 of the right shape:
 * the speed does not depend on the pixels' values. A pool of 8 batches keeps the data out of the cache's favour.
 */
export function imageStepper(setting: ImageSetting): () => void {
  const { sizes, batch, K } = setting;
  const inputs = sizes[0];
  const pool = 8;
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const images = Float32Array.from({ length: pool * batch * inputs }, rand);
  const labels = Int32Array.from({ length: pool * batch }, () => Math.floor(10 * rand()));
  const mlp = new DenseMlp(sizes, 'elu', batch);
  const batchX = new Float32Array(batch * inputs);
  const batchLabels = new Int32Array(batch);
  const init = initFlatParams(sizes, 0, 0.05);
  const hyper = { learningRate: 0.5, beta1: 0.9, beta2: 0.999, weightDecay: 25 / setting.trainImages, rho: 0.01, damping: 0.1, dataSize: setting.trainImages };
  const optHyper = { learningRate: 0.05, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 25 / setting.trainImages };
  const bsam = createBsamState(init, 1);
  const bsamStep = new FusedBsamStep(mlp.paramCount, K);
  const noise = new Float32Array(setting.optimizer === 'bsam' ? K * mlp.paramCount : 0);
  const normals = zigguratNormal(0);
  const opt = new FusedOptimizer(init, 'sgd', setting.optimizer === 'sam-sgd' ? 0.05 : null);
  let step = 0;
  return () => {
    const b = step++ % pool;
    batchX.set(images.subarray(b * batch * inputs, (b + 1) * batch * inputs));
    batchLabels.set(labels.subarray(b * batch, (b + 1) * batch));
    if (setting.optimizer === 'bsam') {
      mlp.bindBatch(batchX, batchLabels, Math.floor(batch / K));
      normals.fill(noise, 0, K * mlp.paramCount);
      bsamStep.run(bsam, mlp, K, noise, hyper, 1);
    } else {
      mlp.bindBatch(batchX, batchLabels, batch);
      opt.step(mlp, optHyper, 1);
    }
  };
}

/** Median steps/s over windows of at least `seconds` (the clock read every step: these steps take milliseconds). */
export function medianRate(step: () => void, windows = 5, seconds = 1): number {
  for (let k = 0; k < 2; k++) step();
  const rates: number[] = [];
  for (let w = 0; w < windows; w++) {
    const t0 = performance.now();
    let steps = 0;
    do {
      step();
      steps++;
    } while (performance.now() - t0 < seconds * 1000);
    rates.push(steps / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

export function imageRows(windows = 5): string[][] {
  return IMAGE_SETTINGS.map((setting) => {
    const rate = medianRate(imageStepper(setting), windows);
    const epochSeconds = setting.trainImages / setting.batch / rate;
    return [setting.name, rate.toFixed(1), epochSeconds.toFixed(2)];
  });
}

export function formatImageRows(rows: string[][]): string {
  return ['| image setting (Node, fused CPU, random data of the right shape) | median steps/s | one epoch (s) |', '|---|---:|---:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function formatRows(rows: BenchRow[]): string {
  const rate = (name: string) => rows.find((r) => r.name === name)?.median ?? NaN;
  const lines = ['| training case (Node) | median | unit | fused ÷ tfjs |', '|---|---:|---|---:|'];
  for (const r of rows) {
    const ratio = r.name.endsWith('fused CPU') ? `${(r.median / rate(r.name.replace('fused CPU', 'tfjs cpu'))).toFixed(1)}×` : '—';
    lines.push(`| ${r.name} | ${r.median.toFixed(0)} | ${r.unit} | ${ratio} |`);
  }
  return lines.join('\n');
}

// Run directly (not imported by bench/run.ts): print the table. No top-level await, so importing stays synchronous.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}, load ${load}; ${new Date().toISOString().slice(0, 10)}`);
  console.log('');
  void fusedRows().then((rows) => {
    console.log(formatRows(rows));
    console.log('');
    console.log(formatImageRows(imageRows()));
  });
}
