/**
 * Training speed of the fused CPU engine (src/train/fused) beside TrainingRun on tfjs's cpu backend, in Node:
 * steps per second in steady state, without evaluation — the median of several 1-second windows after a
 * warm-up, so a garbage-collector pause or a neighbour's burst decides one window, not the row.
 * Standalone: `npx tsx bench/fused.ts` prints a Markdown table. (theory.md §7: jit-compiled JAX runs the
 * official demo at about 1,200 steps/s on this machine.)
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { seededNormal } from '../src/math/random.ts';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../src/state/training.ts';
import { FusedTrainingRun } from '../src/train/fused/fused-run.ts';
import { NormalStream, type NoiseSource } from '../src/train/fused/normal-stream.ts';
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

/** Steps per second of process CPU time: steadier than wall time when other processes share the cores. */
export function medianStepsPerCpuSecond(run: Steppable, windows = 5, seconds = 1): number {
  try {
    for (let k = 0; k < 300; k++) run.advance();
    const rates: number[] = [];
    for (let w = 0; w < windows; w++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let steps = 0;
      do {
        for (let k = 0; k < 16; k++) run.advance();
        steps += 16;
      } while (performance.now() - t0 < seconds * 1000);
      const used = process.cpuUsage(c0);
      rates.push(steps / ((used.user + used.system) / 1e6));
    }
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)];
  } finally {
    run.dispose();
  }
}

/*
 * Noise prefetched on a second thread. The normals cost about as much as the network's arithmetic (≈ 0.35 ms
 * of a ≈ 0.8 ms step), and they do not depend on the training state, so a helper thread can draw the same
 * stream ahead into a shared ring while the main thread trains. This is a measurement of what such a source
 * gives, not product code: the app would need the same in a Web Worker (SharedArrayBuffer needs
 * cross-origin isolation). The helper runs NormalStream's own compiled source, and the stream is checked
 * against seededNormal before it is used.
 */
const RING = 1 << 20;
const CHUNK = 4096;
const [WRITTEN, READ, STOP] = [0, 1, 2];

const producerSource = (normalStream: string) => `
const { workerData } = require('node:worker_threads');
const TWO_PI = 2 * Math.PI;
const __name = (f) => f; // tsx's keep-names helper, referenced by the compiled class
${normalStream}
const stream = new NormalStream(workerData.seed);
const ring = new Float32Array(workerData.ring);
const ctrl = new Int32Array(workerData.ctrl);
while (Atomics.load(ctrl, ${STOP}) === 0) {
  const written = Atomics.load(ctrl, ${WRITTEN});
  const read = Atomics.load(ctrl, ${READ});
  if (written - read > ${RING - CHUNK}) { Atomics.wait(ctrl, ${READ}, read, 20); continue; }
  const start = written % ${RING};
  const n = Math.min(${CHUNK}, ${RING} - start);
  stream.fill(ring, start, start + n);
  Atomics.store(ctrl, ${WRITTEN}, written + n);
  Atomics.notify(ctrl, ${WRITTEN});
}`;

class PrefetchedNoise implements NoiseSource {
  private readonly ring = new Float32Array(new SharedArrayBuffer(4 * RING));
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(16));
  private readonly worker: Worker;
  private read = 0;

  constructor(seed: number) {
    this.worker = new Worker(producerSource(NormalStream.toString()), { eval: true, workerData: { seed, ring: this.ring.buffer, ctrl: this.ctrl.buffer } });
  }

  fill(out: Float32Array, start: number, end: number): void {
    const n = end - start;
    if (n > RING - CHUNK) throw new Error('more draws at once than the ring holds');
    // The helper's errors cannot reach a thread blocked here: give up after 10 s without draws.
    const deadline = performance.now() + 10_000;
    for (;;) {
      const written = Atomics.load(this.ctrl, WRITTEN);
      if (written - this.read >= n) break;
      if (performance.now() > deadline) throw new Error('the noise thread stopped producing');
      Atomics.wait(this.ctrl, WRITTEN, written, 100);
    }
    const from = this.read % RING;
    const first = Math.min(n, RING - from);
    for (let i = 0; i < first; i++) out[start + i] = this.ring[from + i];
    for (let i = first; i < n; i++) out[start + i] = this.ring[i - first];
    this.read += n;
    Atomics.store(this.ctrl, READ, this.read);
    Atomics.notify(this.ctrl, READ);
  }

  dispose(): void {
    Atomics.store(this.ctrl, STOP, 1);
    Atomics.notify(this.ctrl, READ);
    void this.worker.terminate();
  }
}

function prefetchedRun(config: TrainingConfig): Steppable {
  // The prefetched stream must be TrainingRun's: check its first draws before timing anything.
  const check = new PrefetchedNoise(config.seeds.noise);
  const reference = seededNormal(config.seeds.noise);
  const drawn = new Float32Array(100_001);
  check.fill(drawn, 0, drawn.length);
  check.dispose();
  if (!drawn.every((v) => v === Math.fround(reference()))) throw new Error('the prefetched noise is not the seededNormal stream');
  let noise: PrefetchedNoise | null = null;
  const run = repeating(() => {
    // Each fresh run replays the stream from its seed, so it gets a fresh helper (its start-up is timed too).
    noise?.dispose();
    noise = new PrefetchedNoise(config.seeds.noise);
    return new FusedTrainingRun(config, { noise });
  }, config.epochs);
  return {
    advance: () => run.advance(),
    dispose: () => {
      run.dispose();
      noise?.dispose();
    },
  };
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
    { name: `${DEMO}, fused CPU`, median: fused(OFFICIAL_BSAM_DEMO), unit: 'steps/s' },
    { name: `${DEMO}, fused CPU, per CPU-second`, median: medianStepsPerCpuSecond(repeating(() => new FusedTrainingRun(OFFICIAL_BSAM_DEMO), OFFICIAL_BSAM_DEMO.epochs), windows), unit: 'steps/CPU-s' },
    { name: `${DEMO}, fused CPU, noise prefetched on a 2nd thread`, median: medianStepsPerSecond(prefetchedRun(OFFICIAL_BSAM_DEMO), windows), unit: 'steps/s' },
    { name: `${SGD}, fused CPU`, median: fused(SMALL_MLP), unit: 'steps/s' },
    { name: `${DEMO}, tfjs cpu`, median: tfjs(OFFICIAL_BSAM_DEMO), unit: 'steps/s' },
    { name: `${SGD}, tfjs cpu`, median: tfjs(SMALL_MLP), unit: 'steps/s' },
  ];
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
  void fusedRows().then((rows) => console.log(formatRows(rows)));
}
