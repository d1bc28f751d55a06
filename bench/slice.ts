/**
 * Network-slice speed (issue 4): a 41 × 41 slice of the official demo network (2-32-32-32-32-1 ELU, 100 training
 * points) with 16 posterior samples per grid point, plus the loss and SAM's max-loss: 41² · 18 network passes.
 * Run alone: `npx tsx bench/slice.ts`.
 */
import { seededNormal } from '../src/math/random.ts';
import { OFFICIAL_BSAM_DEMO } from '../src/state/training.ts';
import { makeDataset } from '../src/train/datasets.ts';
import { computeSliceNow } from '../src/train/slice/compute-slice.ts';
import { parameterCount, type NetworkSnapshot } from '../src/train/slice/snapshot.ts';

export interface BenchRow {
  name: string;
  median: number;
  unit: string;
}

function demoSnapshot(): NetworkSnapshot {
  const c = OFFICIAL_BSAM_DEMO;
  const data = makeDataset({ ...c.dataset, seed: c.seeds.data });
  const sizes = [2, ...c.model.hidden, 1];
  const draw = seededNormal(1);
  const P = parameterCount(sizes);
  return {
    sizes,
    activation: c.model.activation,
    classes: 2,
    weights: Float32Array.from({ length: P }, () => 0.3 * draw()),
    posteriorStd: Float32Array.from({ length: P }, () => 0.05 * Math.abs(draw())),
    inputs: Float32Array.from(data.train.flatMap((p) => [p.x, p.y])),
    labels: Int32Array.from(data.train.map((p) => p.label)),
    step: 0,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function sliceRows(repeats = 5): BenchRow[] {
  const snapshot = demoSnapshot();
  const settings = { dims: 2 as const, axis: 'random' as const, points: 41, span: 1, samples: 16, rho: 0.05, seed: 0 };
  computeSliceNow(snapshot, { ...settings, points: 5 }); // warm-up
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    computeSliceNow(snapshot, settings);
    times.push(performance.now() - t0);
  }
  return [{ name: 'network slice 41×41, 16 posterior samples, official demo net (Node, one core)', median: median(times), unit: 'ms' }];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of sliceRows()) console.log(`${row.name}: ${row.median.toFixed(0)} ${row.unit}`);
}
