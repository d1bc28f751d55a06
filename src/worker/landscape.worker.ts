/// <reference lib="webworker" />
/**
 * Module worker computing (m, σ) landscapes off the main thread.
 * Create with `new Worker(new URL('../worker/landscape.worker.ts', import.meta.url), { type: 'module' })`.
 * Queued requests are coalesced, newest wins (see latest-request.ts).
 */
import { runLandscapeRequest } from './landscape-handler.ts';
import { gridTransferables, parseLandscapeRequest } from './landscape-protocol.ts';
import { latestRequestHandler } from './latest-request.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = latestRequestHandler({
  parse: parseLandscapeRequest,
  run: runLandscapeRequest,
  reply: (response) => scope.postMessage(response, response.kind === 'result' ? gridTransferables(response.grid) : []),
});
