/// <reference lib="webworker" />
/**
 * Module worker computing the four 2-D maps off the main thread. Queued requests are coalesced,
 * newest wins, as in landscape.worker.ts (see latest-request.ts).
 */
import { runMaps2DRequest } from './landscape2d-handler.ts';
import { maps2DTransferables, parseMaps2DRequest } from './landscape2d-protocol.ts';
import { latestRequestHandler } from './latest-request.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = latestRequestHandler({
  parse: parseMaps2DRequest,
  run: runMaps2DRequest,
  reply: (response) => scope.postMessage(response, response.kind === 'result' ? maps2DTransferables(response.maps) : []),
});
