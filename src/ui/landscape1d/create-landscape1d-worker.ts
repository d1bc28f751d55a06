import type { WorkerLike } from '../kit/worker-client.ts';

/** Kept in this literal form so Vite bundles the worker. */
export function createLandscape1DWorker(): WorkerLike {
  return new Worker(new URL('../../worker/landscape1d.worker.ts', import.meta.url), { type: 'module', name: 'landscape1d' });
}
