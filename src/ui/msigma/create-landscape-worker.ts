import type { WorkerLike } from '../kit/worker-client.ts';

/** One module worker per panel. Kept in this literal form so Vite bundles the worker. */
export function createLandscapeWorker(): WorkerLike {
  return new Worker(new URL('../../worker/landscape.worker.ts', import.meta.url), { type: 'module', name: 'landscape' });
}
