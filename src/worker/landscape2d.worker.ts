/// <reference lib="webworker" />
/**
 * Module worker computing the four 2-D maps off the main thread. Queued requests are coalesced,
 * newest wins, as in landscape.worker.ts (see latest-request.ts); a request
 * that arrives mid-computation is handled by the client, which replaces this worker.
 */
import { runMaps2DRequest } from './landscape2d-handler.ts';
import { maps2DTransferables, parseMaps2DRequest } from './landscape2d-protocol.ts';
import { latestRequestHandler } from './latest-request.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = latestRequestHandler({
  parse: parseMaps2DRequest,
  // Progress is posted as it happens (postMessage does not wait for the computation to end).
  run: (request) => runMaps2DRequest(request, (fraction, stage) => scope.postMessage({ id: request.id, kind: 'progress', fraction, stage })),
  reply: (response) => scope.postMessage(response, response.kind === 'result' ? maps2DTransferables(response.maps) : []),
});
