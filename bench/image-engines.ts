/**
 * `npx tsx bench/image-engines.ts`: bSAM training steps per second on the real Fashion-MNIST files, per
 * engine that runs in Node — the fused engine (WebAssembly SIMD) and the tfjs engine on its wasm and cpu
 * backends — for issue 13's two settings: the live 784-100-10 (batch 100, K 4, the first 10,000 images)
 * and the official mlp 784-500-300-10 (batch 200, K 8, all 60,000). Each engine trains the same config (the
 * experiment panel's runConfig) from a fresh run: the first step (setting up) is reported apart, then the
 * median step time over a window of steps; one epoch's time is the epoch's steps at that median.
 * The tfjs webgl and webgpu backends need a browser: bench/experiment-live.ts times them in headless
 * Chromium, where the GPU is SwiftShader (a CPU rasteriser), so they say nothing about a real GPU.
 */
import '@tensorflow/tfjs-backend-wasm';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { loadImageDataset } from '../src/cli/image-data.ts';
import { DEFAULT_EXPERIMENT_PANEL, runConfig } from '../src/state/fashion-experiment.ts';
import type { TrainingConfig } from '../src/state/training.ts';
import { FusedTrainingRun } from '../src/train/fused/fused-run.ts';
import { TrainingRun } from '../src/train/run.ts';
import { tf } from '../src/train/tf.ts';

interface Setting {
  name: string;
  config: TrainingConfig;
}

const SETTINGS: Setting[] = [
  { name: 'live 784-100-10, batch 100, K 4, 10,000 images', config: runConfig(DEFAULT_EXPERIMENT_PANEL, 'bsam', 0) },
  {
    name: 'official mlp 784-500-300-10, batch 200, K 8, 60,000 images',
    config: (() => {
      const c = runConfig({ ...DEFAULT_EXPERIMENT_PANEL, model: 'mlp', size: 60_000, batchSize: 200 }, 'bsam', 0);
      return { ...c, optimizer: { ...c.optimizer, msharpness: 8 } };
    })(),
  },
];

type Engine = 'fused' | 'tfjs wasm' | 'tfjs cpu';
const ENGINES: Engine[] = ['fused', 'tfjs wasm', 'tfjs cpu'];
/** Stop a window after this many steps or seconds, whichever comes first (tfjs cpu takes seconds a step). */
const MAX_STEPS = 60;
const MAX_SECONDS = Number(process.env.IMAGE_BENCH_SECONDS ?? 20);

async function timeEngine(engine: Engine, config: TrainingConfig): Promise<{ first: number; median: number; steps: number }> {
  const data = loadImageDataset(config);
  if (engine !== 'fused' && !(await tf.setBackend(engine === 'tfjs wasm' ? 'wasm' : 'cpu'))) throw new Error(`${engine} did not start`);
  const t0 = performance.now();
  const run = engine === 'fused' ? new FusedTrainingRun(config, { data }) : new TrainingRun(config, { data });
  try {
    run.advance();
    const first = performance.now() - t0;
    const times: number[] = [];
    const start = performance.now();
    while (times.length < MAX_STEPS && performance.now() - start < MAX_SECONDS * 1000) {
      const t = performance.now();
      run.advance();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { first, median: times[Math.floor(times.length / 2)], steps: times.length };
  } finally {
    run.dispose();
  }
}

export async function imageEngineTable(): Promise<string> {
  tf.env().set('PROD', true);
  const lines = [
    `bSAM on Fashion-MNIST in Node, per engine; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)} at the start, ${new Date().toISOString()}`,
    '',
    '| setting | engine | first step (build + step) ms | median step ms (steps timed) | steps/s | one epoch s |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const { name, config } of SETTINGS) {
    const stepsPerEpoch = Math.floor(config.dataset.size / config.batchSize);
    for (const engine of ENGINES) {
      const r = await timeEngine(engine, config);
      lines.push(`| ${name} | ${engine} | ${r.first.toFixed(0)} | ${r.median.toFixed(1)} (${r.steps}) | ${(1000 / r.median).toFixed(2)} | ${((stepsPerEpoch * r.median) / 1000).toFixed(1)} |`);
    }
  }
  lines.push('', `load ${os.loadavg()[0].toFixed(1)} at the end`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await imageEngineTable());
