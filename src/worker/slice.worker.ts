/// <reference lib="webworker" />
/**
 * Module worker computing slices of the trained network's loss landscape (see slice-protocol.ts).
 * Create with `new Worker(new URL('../worker/slice.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { parseSliceRequest, resultTransferables, type SliceResponse } from './slice-protocol.ts';
import { SliceJobs } from './slice-jobs.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const jobs = new SliceJobs({
  post: (response: SliceResponse) => scope.postMessage(response, response.type === 'result' ? resultTransferables(response.result) : []),
  schedule: (task) => setTimeout(task, 0),
  now: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseSliceRequest(event.data);
  if (parsed.ok) jobs.handle(parsed.request);
  else scope.postMessage({ type: 'error', id: null, message: parsed.message } satisfies SliceResponse);
};
