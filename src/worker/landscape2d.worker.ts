/// <reference lib="webworker" />
/**
 * Module worker computing the four 2-D maps off the main thread. As in landscape.worker.ts, requests
 * that queue up while a grid is computed are coalesced: only the newest valid one is run (the client
 * ignores stale ids anyway); malformed messages are answered at once.
 */
import { runMaps2DRequest } from './landscape2d-handler.ts';
import { maps2DTransferables, parseMaps2DRequest } from './landscape2d-protocol.ts';
import type { Maps2DRequest, Maps2DResponse } from './landscape2d-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let pending: Maps2DRequest | null = null;
let scheduled = false;

function reply(response: Maps2DResponse): void {
  scope.postMessage(response, response.kind === 'result' ? maps2DTransferables(response.maps) : []);
}

function runLatest(): void {
  scheduled = false;
  const request = pending;
  pending = null;
  if (request) reply(runMaps2DRequest(request));
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseMaps2DRequest(event.data);
  if (!parsed.ok) {
    reply(parsed.error);
    return;
  }
  pending = parsed.request;
  if (!scheduled) {
    scheduled = true;
    setTimeout(runLatest, 0);
  }
};
