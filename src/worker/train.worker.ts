/// <reference lib="webworker" />
/**
 * The training worker: validates each message, picks the backend on init, and hands everything else to the
 * TrainLoop. A crash here surfaces as the Worker's `error` event on the main thread, which restarts it with the
 * experiment state (kept on the main thread) intact.
 *
 * `auto` with nothing measured yet for this network starts on the fused engine at once (Play is offered
 * within the first progress message, not after seconds of measuring) and measures the engines in the
 * background, only while the run is paused, one candidate at a time. If another engine wins and the run has
 * not moved yet, the run is rebuilt on it; if it has, the run keeps the fused engine and the next rebuild uses
 * the winner — either way the backend report says so.
 */
import '@tensorflow/tfjs-backend-webgpu';
import './wasm-backend.ts';
import { tf } from '../train/tf.ts';
import type { TrainingConfig } from '../state/training.ts';
import { cachedAuto, chooseBackend, engineOf, measureAuto, startFused } from './train-backend.ts';
import { TrainLoop } from './train-loop.ts';
import { parseTrainRequest, type TrainResponse } from './train-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (response: TrainResponse, transfer: Transferable[] = []) => scope.postMessage(response, transfer);
const loop = new TrainLoop({ post, schedule: (task, delayMs = 0) => setTimeout(task, delayMs), now: () => performance.now() });

// Messages are handled one at a time: an init (which may measure backends) finishes before the next starts.
let queue: Promise<void> = Promise.resolve();
/** The latest init; a background measurement for an earlier one stops. */
let generation = 0;
/** The background measurement under way: an init waits for it (both switch the tfjs backend). */
let measuring: Promise<void> = Promise.resolve();
const MEASURE_POLL_MS = 200;

/** Waits until the run is paused (measuring while it plays would time both wrongly); false if superseded. */
async function pausedAndCurrent(gen: number): Promise<boolean> {
  while (gen === generation && loop.isRunning) await new Promise((r) => setTimeout(r, MEASURE_POLL_MS));
  return gen === generation;
}

async function measureInBackground(gen: number, config: TrainingConfig, history: number): Promise<void> {
  const decided = await measureAuto(config, () => pausedAndCurrent(gen)).catch(() => null);
  if (!decided || gen !== generation) return;
  // Through the queue: the switch must not interleave with a request being handled.
  queue = queue.then(async () => {
    if (gen !== generation) return;
    if (decided.active === 'fused') {
      await startFused();
      post({ type: 'backend', active: 'fused', requested: 'auto', reason: decided.reason });
    } else if (loop.isFresh) {
      post({ type: 'backend', active: decided.active, requested: 'auto', reason: decided.reason });
      await loop.init(config, engineOf(decided.active), history);
    } else {
      await startFused();
      post({
        type: 'backend',
        active: 'fused',
        requested: 'auto',
        reason: `${decided.reason}; this run had started on the fused engine and keeps it (the next rebuild uses ${decided.active})`,
      });
    }
  });
}

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
        const gen = ++generation;
        await loop.dispose();
        await measuring;
        if (request.backend === 'auto' && !(await cachedAuto(request.config))) {
          await startFused();
          post({ type: 'backend', active: 'fused', requested: 'auto', reason: 'auto: training on the fused CPU engine while the other engines are measured…' });
          await loop.init(request.config, 'fused', request.history);
          measuring = measureInBackground(gen, request.config, request.history);
          return;
        }
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
