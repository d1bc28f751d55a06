/**
 * Choosing the engine of the training worker: the hand-fused CPU engine ('fused', SIMD WebAssembly, no tfjs)
 * or a tfjs backend (webgpu, webgl, wasm — registered by wasm-backend.ts — or cpu). Explicit tfjs choices fall
 * back along that order (webgpu → webgl → wasm → cpu) with the reason said; `auto`
 * measures a few real training steps of the current network on each candidate that starts and keeps the
 * fastest, saying the numbers (the fused engine wins on the lab's small networks; WebGPU could on big ones).
 */
import type { TrainingConfig } from '../state/training.ts';
import type { ArrayDataset } from '../train/datasets.ts';
import { createLabRun, type Engine } from '../train/lab-run.ts';
import { tf } from '../train/tf.ts';
import type { ActiveBackend, BackendChoice } from './train-protocol.ts';

const ORDER: ActiveBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const CANDIDATES: ActiveBackend[] = ['fused', ...ORDER];

export function engineOf(active: ActiveBackend): Engine {
  return active === 'fused' ? 'fused' : 'tfjs';
}

async function start(name: ActiveBackend): Promise<boolean> {
  // The fused engine needs no tfjs backend; cpu is set so that nothing left over holds a GPU context.
  if (name === 'fused') return (await tf.setBackend('cpu').catch(() => false)) || true;
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Median milliseconds per training step of `config` (on `data` when given) on an engine (after warm-up). */
async function measure(config: TrainingConfig, engine: Engine, data?: ArrayDataset): Promise<number> {
  const run = createLabRun({ ...config, predictiveSamples: 1, compare: null }, engine, { data });
  try {
    // Reading each step's loss (as the loop does) waits for the step's GPU work: advance() alone only
    // enqueues it on webgl/webgpu, which would make them look faster than they are.
    const step = async () => {
      await run.advance();
      await run.lastLoss();
    };
    for (let k = 0; k < 3; k++) await step();
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      await step();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[2];
  } finally {
    run.dispose();
  }
}

/** auto's last decision, keyed by what the speed depends on: re-measured only when the network or batch changes. */
let autoCache: { key: string; active: ActiveBackend; reason: string } | null = null;

/** What auto's speed depends on: the network, the batch, the optimizer, the input width and class count. */
const autoKey = (config: TrainingConfig, data?: ArrayDataset) => {
  const shape = data ? [data.inputDim, data.classes] : [2, config.dataset.classes];
  return JSON.stringify([config.model, config.batchSize, config.optimizer.kind, config.optimizer.msharpness, shape]);
};

/** auto's decision for this config if it was measured already (and its backend starts), else null. */
export async function cachedAuto(config: TrainingConfig, data?: ArrayDataset): Promise<{ active: ActiveBackend; reason: string } | null> {
  if (autoCache?.key === autoKey(config, data) && (await start(autoCache.active))) return { active: autoCache.active, reason: autoCache.reason };
  return null;
}

/** Measures every engine for `config` (remembered for the next init of the same network) and starts the fastest. */
export async function measureAuto(
  config: TrainingConfig,
  beforeEach: () => Promise<boolean> = async () => true,
  data?: ArrayDataset,
  candidates: readonly ActiveBackend[] = CANDIDATES,
): Promise<{ active: ActiveBackend; reason: string } | null> {
  const decided = await measureAll(config, beforeEach, data, candidates);
  if (decided) autoCache = { key: autoKey(config, data), ...decided };
  return decided;
}

/** The fused engine, started at once (auto trains on it while the others are measured). */
export async function startFused(): Promise<void> {
  await start('fused');
}

/**
 * The engine for a choice. `data`: the rows the run will train on when they are not the config's 2-D dataset
 * (e.g. images), so that `auto` measures steps of the real input width and class count.
 */
export async function chooseBackend(choice: BackendChoice, config: TrainingConfig, data?: ArrayDataset): Promise<{ active: ActiveBackend; reason: string }> {
  if (choice === 'auto') {
    const cached = await cachedAuto(config, data);
    if (cached) return cached;
    const decided = await measureAuto(config, undefined, data);
    if (!decided) throw new Error('no training engine could start');
    return decided;
  }
  if (choice === 'fused') {
    await start('fused');
    return { active: 'fused', reason: 'the hand-fused CPU engine (WebAssembly SIMD), as chosen' };
  }
  const skipped: string[] = [];
  for (const name of ORDER.slice(ORDER.indexOf(choice))) {
    if (await start(name)) {
      const reason = skipped.length ? `${skipped.join('; ')}; using ${name}` : `${name}, as chosen`;
      return { active: name, reason };
    }
    skipped.push(`${name} could not start here${name === 'webgpu' ? ' (no WebGPU adapter in this browser)' : ''}`);
  }
  throw new Error('no TensorFlow.js backend could start');
}

/**
 * Whether WebGPU here is only a software fallback adapter (SwiftShader in headless Chromium). Training on it
 * is about 20× slower than the cpu backend, so `auto` does not spend seconds measuring it.
 */
export async function onlyFallbackGpu(): Promise<boolean> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  const adapter = (await gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null;
  return !!adapter && (adapter.isFallbackAdapter === true || adapter.info?.isFallbackAdapter === true);
}

/**
 * Times each candidate (on `data` when given; all engines unless `candidates` narrows them); `beforeEach` runs
 * before each one and may wait (auto measures while the run is paused) or return false to give up (a newer
 * init came): then null.
 */
async function measureAll(
  config: TrainingConfig,
  beforeEach: () => Promise<boolean> = async () => true,
  data?: ArrayDataset,
  candidates: readonly ActiveBackend[] = CANDIDATES,
): Promise<{ active: ActiveBackend; reason: string } | null> {
  const timings: { name: ActiveBackend; ms: number }[] = [];
  const unavailable: string[] = [];
  const fallbackGpu = await onlyFallbackGpu().catch(() => false);
  for (const name of candidates) {
    if (!(await beforeEach())) return null;
    if (name === 'webgpu' && fallbackGpu) {
      unavailable.push('webgpu (only a software fallback adapter; choose it explicitly to use it)');
      continue;
    }
    if (!(await start(name))) {
      unavailable.push(name);
      continue;
    }
    timings.push({ name, ms: await measure(config, engineOf(name), data) });
  }
  if (!timings.length) throw new Error('no training engine could start');
  timings.sort((a, b) => a.ms - b.ms);
  const best = timings[0].name;
  await start(best);
  const said = timings.map((t) => `${t.name} ${t.ms.toFixed(1)} ms/step`).join(', ');
  const missing = unavailable.length ? `; unavailable: ${unavailable.join(', ')}` : '';
  return { active: best, reason: `auto: measured ${said}${missing} → ${best}` };
}
