/// <reference lib="webworker" />
/**
 * Module worker computing slices of the trained network's loss landscape (see slice-protocol.ts).
 * Create with `new Worker(new URL('../worker/slice.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { resultTransferables, type SliceResponse } from './slice-protocol.ts';
import { SliceJobs } from './slice-jobs.ts';
import { warmUpSliceKernels } from './slice-warm-up.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Chunks are queued as MessageChannel messages, not setTimeout(0), which is clamped to ≥ 4 ms once nested: a
// tenth of each 40 ms chunk. Messages from the page (a cancel) still run between chunks.
const tick = new MessageChannel();
const tasks: (() => void)[] = [];
tick.port1.onmessage = () => tasks.shift()?.();

const jobs = new SliceJobs({
  post: (response: SliceResponse) => scope.postMessage(response, response.type === 'result' ? resultTransferables(response.result) : []),
  schedule: (task) => {
    tasks.push(task);
    tick.port2.postMessage(null);
  },
  now: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<unknown>) => jobs.receive(event.data);

// Before any request can arrive (a message waits until this returns, ~20 ms).
warmUpSliceKernels();
