/** One module worker per experiment panel. Kept in this literal form so Vite bundles the worker. */
export function createExperimentWorker(): Worker {
  return new Worker(new URL('../../worker/experiment.worker.ts', import.meta.url), { type: 'module', name: 'experiment' });
}
