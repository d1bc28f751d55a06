/**
 * `npx tsx bench/dispatches.ts`: tfjs kernels (≈ WebGPU dispatches) per training step, per optimizer, for the
 * official 2-D demo (K = 5) and for a 784-100-10 softmax MLP with K = 4, batch 100 (issue 13's setting; K is
 * bSAM's and SAM's m-sharpness, and SAM-SGD also runs with K = 1 for the count before m-sharpness). Counted
 * on the wasm backend in Node: a step runs the same kernels there as on WebGPU.
 */
import '@tensorflow/tfjs-backend-wasm';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../src/state/training.ts';
import { kernelsOfStep } from '../src/train/core/kernel-count.ts';
import type { ArrayDataset } from '../src/train/datasets.ts';
import { seededUniform } from '../src/math/random.ts';
import { TrainingRun } from '../src/train/run.ts';
import { tf } from '../src/train/tf.ts';

/** Random 28×28 "images" in [0, 1] with 10 classes: the shapes of Fashion-MNIST (the kernels do not depend on the values). */
function imageLike(rows: number): ArrayDataset {
  const u = seededUniform(7);
  const split = (n: number) => ({ x: Float32Array.from({ length: n * 784 }, () => u()), labels: Int32Array.from({ length: n }, () => Math.floor(u() * 10)) });
  return { inputDim: 784, classes: 10, train: split(rows), test: split(10) };
}

export const MNIST_MLP: TrainingConfig = {
  ...OFFICIAL_BSAM_DEMO,
  model: { hidden: [100], activation: 'elu', biasInit: 0.05 },
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind: 'bsam', learningRate: 0.5, rho: 0.01, msharpness: 4 },
  schedule: 'constant',
  batchSize: 100,
};

export async function dispatchRows(): Promise<string[][]> {
  tf.env().set('PROD', true);
  // Not cpu: there FlatLayout.split copies on the host and would hide the slices a GPU runs.
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not start');
  const rows: string[][] = [];
  const cases: [string, TrainingConfig, ArrayDataset | undefined][] = [
    ['official demo 2-32-32-32-32-1', OFFICIAL_BSAM_DEMO, undefined],
    ['784-100-10 softmax, batch 100', MNIST_MLP, imageLike(200)],
  ];
  for (const [name, base, data] of cases) {
    for (const [kind, msharpness] of [['sgd', 1], ['sam-sgd', 1], ['sam-sgd', base.optimizer.msharpness], ['adam', 1], ['bsam', base.optimizer.msharpness]] as const) {
      const run = new TrainingRun({ ...base, optimizer: { ...base.optimizer, kind, msharpness } }, { data });
      try {
        run.advance(); // warm-up: the first step also creates the kept scalars
        const count = await kernelsOfStep(run);
        // SAM and bSAM split the batch into K sub-batches (m-sharpness); SGD and Adam have no K.
        const K = kind === 'bsam' || kind === 'sam-sgd' ? `, K = ${msharpness}` : '';
        rows.push([`${name}, ${kind}${K}`, String(count.dispatches), String(count.total)]);
      } finally {
        run.dispose();
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await dispatchRows();
  console.log('| case | dispatches per step (kernels without the view-only ones) | kernels per step |');
  console.log('|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
