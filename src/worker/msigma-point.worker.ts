/// <reference lib="webworker" />
/** Module worker for E, B and B − E at the (m, σ) panel's current point; newest request wins (latest-request.ts). */
import { runPointRequest } from './msigma-point-handler.ts';
import { parsePointRequest } from './msigma-point-protocol.ts';
import { latestRequestHandler } from './latest-request.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = latestRequestHandler({
  parse: parsePointRequest,
  run: runPointRequest,
  reply: (response) => scope.postMessage(response),
});
