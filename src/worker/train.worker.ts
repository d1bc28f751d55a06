/// <reference lib="webworker" />
/**
 * The training worker: validates each message, picks the backend on init, and hands everything else to the
 * TrainLoop. A crash here surfaces as the Worker's `error` event on the main thread, which restarts it with the
 * experiment state (kept on the main thread) intact.
 */
import '@tensorflow/tfjs-backend-webgpu';
import './wasm-backend.ts';
import { tf } from '../train/tf.ts';
import { chooseBackend, engineOf } from './train-backend.ts';
import { TrainLoop } from './train-loop.ts';
import { parseTrainRequest, type TrainResponse } from './train-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (response: TrainResponse, transfer: Transferable[] = []) => scope.postMessage(response, transfer);
const loop = new TrainLoop({ post, schedule: (task) => setTimeout(task, 0), now: () => performance.now() });

// Messages are handled one at a time: an init (which may measure backends) finishes before the next starts.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<unknown>) => {
  queue = queue.then(async () => {
    const parsed = parseTrainRequest(event.data);
    if (!parsed.ok) {
      post({ type: 'error', message: parsed.message });
      return;
    }
    const request = parsed.request;
    try {
      if (request.type === 'init') {
        await loop.dispose();
        const chosen = await chooseBackend(request.backend, request.config);
        // What is reported is what tfjs says it runs on (it can fall back silently), not what was asked for.
        const active = chosen.active === 'fused' ? 'fused' : (tf.getBackend() as typeof chosen.active);
        const reason = active === chosen.active ? chosen.reason : `${chosen.reason}; but tfjs reports ${active}`;
        post({ type: 'backend', active, requested: request.backend, reason });
        await loop.init(request.config, engineOf(active), request.history);
      } else {
        await loop.handle(request);
      }
    } catch (e) {
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
};
