import type { WorkerLike } from '../kit/worker-client.ts';

/** One module worker per mounted panel. Kept in this literal form so Vite bundles the worker. */
export function createMinimiserWorker(): WorkerLike {
  return new Worker(new URL('../../worker/minimiser.worker.ts', import.meta.url), { type: 'module', name: 'minimiser-path' });
}
