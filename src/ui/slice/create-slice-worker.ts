/** The network-slice worker. Kept in this literal form so Vite bundles the worker. */
export function createSliceWorker(): Worker {
  return new Worker(new URL('../../worker/slice.worker.ts', import.meta.url), { type: 'module', name: 'slice' });
}

/** How many slice workers share a slice: two on a machine with two or more cores (halving the time), else one. */
export function sliceWorkerCount(cores: number = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1): number {
  return Math.max(1, Math.min(2, cores));
}
