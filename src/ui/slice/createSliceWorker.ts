/** The network-slice worker. Kept in this literal form so Vite bundles the worker. */
export function createSliceWorker(): Worker {
  return new Worker(new URL('../../worker/slice.worker.ts', import.meta.url), { type: 'module', name: 'slice' });
}
