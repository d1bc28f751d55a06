/// <reference lib="webworker" />
/**
 * Bench-only worker: steady-state training speed of a TrainingRun on one tfjs backend, including the wasm
 * backend the app does not offer. Like the app's worker it steps TrainingRun.advance() in a module worker;
 * unlike it, nothing is evaluated or drawn between steps, so this is the optimizer's own speed.
 */
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { OFFICIAL_BSAM_DEMO, type TrainingConfig } from '../../src/state/training.ts';
import { readSoon } from '../../src/train/device-reads.ts';
import { TrainingRun } from '../../src/train/run.ts';
import { tf } from '../../src/train/tf.ts';
import type { BenchRequest, BenchResponse } from './bench-protocol.ts';

// Vite fingerprints the .wasm files; the backend must be told their served URLs, file by file.
setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });

const SMALL_MLP: TrainingConfig = {
  ...OFFICIAL_BSAM_DEMO,
  dataset: { ...OFFICIAL_BSAM_DEMO.dataset, size: 256 },
  model: { hidden: [16, 16], activation: 'tanh', biasInit: 0 },
  optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind: 'sgd', learningRate: 0.1 },
  batchSize: 256,
};

async function measure(request: BenchRequest): Promise<BenchResponse> {
  if (!(await tf.setBackend(request.backend))) return { ok: false, message: `${request.backend} did not start` };
  await tf.ready();
  const tensorsBefore = tf.memory().numTensors;
  const run = new TrainingRun(request.case === 'bsam-demo' ? OFFICIAL_BSAM_DEMO : SMALL_MLP);
  // Asynchronous reads, as the app's loop reads (device-reads.ts: WebGPU has no usable dataSync in a worker).
  const step = async () => {
    await readSoon(run.advanceReads());
    await readSoon(run.lastLossReads());
  };
  try {
    const t0 = performance.now();
    await step();
    const firstStepMs = performance.now() - t0;
    for (let k = 0; k < 5; k++) await step();
    const rates: number[] = [];
    for (let r = 0; r < request.repeats; r++) {
      const start = performance.now();
      let steps = 0;
      while (performance.now() - start < request.seconds * 1000) {
        // Read every step's loss (the app's loop reads one per chunk): on GPU backends this is what makes the
        // time include the step's GPU work, not just its enqueueing.
        await step();
        steps++;
      }
      rates.push(steps / ((performance.now() - start) / 1000));
    }
    return { ok: true, backend: tf.getBackend(), rates, firstStepMs, tensorsBefore, tensorsAfter: tf.memory().numTensors };
  } finally {
    run.dispose();
  }
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<BenchRequest>) => {
  measure(event.data).then(
    (r) => scope.postMessage(r),
    (e: unknown) => scope.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) } satisfies BenchResponse),
  );
};
