/// <reference lib="webworker" />
/**
 * Module worker computing the 1-D landscape (curves, or the geometry at m) off the main thread.
 * Queued requests are coalesced, newest wins (latest-request.ts); a request that is already running is
 * cancelled by the client, which terminates this worker and starts a fresh one.
 */
import { runLandscape1DRequest } from './landscape1d-handler.ts';
import { curvesTransferables, parseLandscape1DRequest } from './landscape1d-protocol.ts';
import type { Landscape1DResponse } from './landscape1d-protocol.ts';
import { latestRequestHandler } from './latest-request.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(response: Landscape1DResponse): void {
  scope.postMessage(response, response.kind === 'curves' ? curvesTransferables(response) : []);
}

scope.onmessage = latestRequestHandler({
  parse: parseLandscape1DRequest,
  run: (request) => runLandscape1DRequest(request, reply),
  reply,
});
