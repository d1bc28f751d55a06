/**
 * Training speed of the fused CPU engine (src/train/fused) beside TrainingRun on tfjs's cpu backend, in Node:
 * steps per second in steady state, without evaluation — the median of several 1-second windows after a
 * warm-up, so a garbage-collector pause or a neighbour's burst decides one window, not the row.
 * Standalone: `npx tsx bench/fused.ts` prints a Markdown table. (theory.md §7: jit-compiled JAX runs the
 * official demo at about 1,200 steps/s on this machine.)
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../src/state/training.ts';
import { FusedTrainingRun } from '../src/train/fused/fused-run.ts';
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
    { name: `${DEMO}, fused CPU`, median: fused(OFFICIAL_BSAM_DEMO), unit: 'steps/s' },
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
