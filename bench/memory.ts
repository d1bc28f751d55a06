/**
 * Issue 13's memory check: over 10 epochs of bSAM on Fashion-MNIST (784-100-10, K 4, evaluation after every
 * epoch as the app does), the fused engine's JavaScript heap and the tfjs engine's live tensors and bytes
 * must stay flat — a leak of one buffer or tensor per step or per evaluation shows as a steady climb. This is
 * the code the training worker runs (TrainingCore and its engines), in Node. The heap is read after a full
 * garbage collection when Node runs with --expose-gc (`node --expose-gc --import tsx bench/memory.ts`);
 * without it, after a best-effort pause, and the table says so.
 */
import { pathToFileURL } from 'node:url';
import { loadImageDataset } from '../src/cli/image-data.ts';
import { FASHION_LIVE } from '../src/state/training-presets.ts';
import { firstRows, type ArrayDataset } from '../src/train/data/array-dataset.ts';
import type { TrainingConfig } from '../src/state/training.ts';
import { FusedTrainingRun } from '../src/train/fused/fused-run.ts';
import { TrainingRun } from '../src/train/run.ts';
import { tf } from '../src/train/tf.ts';

const EPOCHS = 10;
const gc = (globalThis as { gc?: () => void }).gc;

function config(size: number): TrainingConfig {
  return { ...FASHION_LIVE, dataset: { ...FASHION_LIVE.dataset, size }, epochs: EPOCHS };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Heap (MB) after each epoch's training and evaluation. */
function fusedHeap(size: number): number[] {
  const c = config(size);
  const run = new FusedTrainingRun(c, { data: loadImageDataset(c) });
  const heap: number[] = [];
  try {
    while (run.epoch < EPOCHS) {
      run.advance();
      if (run.step % run.stepsPerEpoch !== 0) continue;
      run.evaluate();
      gc?.();
      heap.push(process.memoryUsage().heapUsed);
    }
  } finally {
    run.dispose();
  }
  return heap;
}

/** The tfjs cpu backend evaluates 16 posterior samples of 10,000 test images in minutes: 500 of them keep the same code paths. */
function smallTest(d: ArrayDataset): ArrayDataset {
  return { ...d, test: firstRows(d.test, d.inputDim, 500) };
}

/** tf.memory() after each epoch's training and evaluation on the tfjs cpu backend. */
async function tfjsTensors(size: number): Promise<{ tensors: number; bytes: number }[]> {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  const c = config(size);
  const run = new TrainingRun(c, { data: smallTest(loadImageDataset(c)) });
  const out: { tensors: number; bytes: number }[] = [];
  try {
    while (run.epoch < EPOCHS) {
      run.advance();
      if (run.step % run.stepsPerEpoch !== 0) continue;
      run.evaluate();
      const m = tf.memory();
      out.push({ tensors: m.numTensors, bytes: m.numBytes });
    }
  } finally {
    run.dispose();
  }
  return out;
}

export async function memoryTable(): Promise<string> {
  const heap = fusedHeap(2000);
  const tensors = await tfjsTensors(300);
  const lines = [
    `Memory over ${EPOCHS} epochs of bSAM, 784-100-10, K 4, evaluated every epoch (${gc ? 'heap after a full GC' : 'heap without a forced GC: run with node --expose-gc for exact figures'})`,
    '',
    '| engine (training images) | after epoch 1 | after epoch 5 | after epoch 10 | largest after-epoch value |',
    '|---|---:|---:|---:|---:|',
    `| fused: JS heap MB (2,000) | ${mb(heap[0])} | ${mb(heap[4])} | ${mb(heap[9])} | ${mb(Math.max(...heap))} |`,
    `| tfjs cpu: live tensors (300; 500 test images) | ${tensors[0].tensors} | ${tensors[4].tensors} | ${tensors[9].tensors} | ${Math.max(...tensors.map((t) => t.tensors))} |`,
    `| tfjs cpu: tensor MB (300; 500 test images) | ${mb(tensors[0].bytes)} | ${mb(tensors[4].bytes)} | ${mb(tensors[9].bytes)} | ${mb(Math.max(...tensors.map((t) => t.bytes)))} |`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await memoryTable());
