import type { WorkerLike } from '../kit/worker-client.ts';

/** One module worker per 2-D panel. Kept in this literal form so Vite bundles the worker. */
export function createMapsWorker(): WorkerLike {
  return new Worker(new URL('../../worker/landscape2d.worker.ts', import.meta.url), { type: 'module', name: 'landscape2d' });
}
