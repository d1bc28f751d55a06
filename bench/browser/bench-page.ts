/** Bench-only page: exposes `window.trainBench(request)`, which runs one measurement in a fresh worker. */
import type { BenchRequest, BenchResponse } from './bench-protocol.ts';

function trainBench(request: BenchRequest): Promise<BenchResponse> {
  // A fresh worker per measurement: backends do not share state or warm caches between rows.
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  return new Promise<BenchResponse>((resolve) => {
    worker.onmessage = (e: MessageEvent<BenchResponse>) => resolve(e.data);
    worker.onerror = (e) => resolve({ ok: false, message: e.message || 'worker error' });
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

(window as unknown as { trainBench: typeof trainBench }).trainBench = trainBench;
