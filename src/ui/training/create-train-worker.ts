import type { TrainWorkerLike } from './training-client.ts';

/** One module worker per training panel. Kept in this literal form so Vite bundles the worker. */
export function createTrainWorker(): TrainWorkerLike {
  return new Worker(new URL('../../worker/train.worker.ts', import.meta.url), { type: 'module', name: 'train' });
}
