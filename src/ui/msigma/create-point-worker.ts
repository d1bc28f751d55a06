import type { WorkerLike } from '../kit/worker-client.ts';

/** The (m, σ) panel's point worker. Kept in this literal form so Vite bundles the worker. */
export function createPointWorker(): WorkerLike {
  return new Worker(new URL('../../worker/msigma-point.worker.ts', import.meta.url), { type: 'module', name: 'msigma-point' });
}
