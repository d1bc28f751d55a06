import type { WorkerLike } from '../kit/worker-client.ts';
import type { TrainRequest } from '../../worker/train-protocol.ts';

/** One module worker per training panel. Kept in this literal form so Vite bundles the worker. */
export function createTrainWorker(): WorkerLike<TrainRequest> {
  return new Worker(new URL('../../worker/train.worker.ts', import.meta.url), { type: 'module', name: 'train' });
}
