/// <reference lib="webworker" />
/**
 * The Fashion-MNIST experiment worker: downloads and parses the dataset here (off the page's thread), then
 * trains the runs on the chosen engine (experiment-engine.ts). Messages are validated and handled one at a
 * time, in order. The tfjs backends are registered as in the training worker (webgpu, and wasm with its
 * fingerprinted binaries), so each engine starts through the same code there and here.
 */
import '@tensorflow/tfjs-backend-webgpu';
import './wasm-backend.ts';
import { loadFashionMnistFiles } from '../train/data/index.ts';
import { tf } from '../train/tf.ts';
import { ExperimentHandler } from './experiment-handler.ts';
import { experimentRequestSchema, type ExperimentResponse } from './experiment-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (response: ExperimentResponse, transfer: Transferable[] = []) => scope.postMessage(response, transfer);
const handler = new ExperimentHandler(
  { post, schedule: (task) => setTimeout(() => void task(), 0), now: () => performance.now() },
  (baseUrl, onProgress) => loadFashionMnistFiles({ baseUrl, onProgress }),
);

// The fused engine needs no tfjs backend; cpu is set so nothing tries to open a GPU context until one is chosen.
let queue: Promise<unknown> = tf.setBackend('cpu').catch(() => false);

scope.onmessage = (event: MessageEvent) => {
  const parsed = experimentRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    post({ type: 'error', message: `bad request: ${parsed.error.issues[0]?.message ?? 'unknown'}` });
    return;
  }
  const fail = (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  // The user's own files are read at once, not behind a 31 MB download that may still be running: loading them
  // touches only the own-data store, which a start reads whole (experiment-own-data.ts).
  if (parsed.data.type === 'load-own') handler.handle(parsed.data).catch(fail);
  else queue = queue.then(() => handler.handle(parsed.data)).catch(fail);
};
