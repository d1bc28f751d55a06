/// <reference lib="webworker" />
/**
 * Module worker computing (m, σ) landscapes off the main thread.
 * Create with `new Worker(new URL('../worker/landscape.worker.ts', import.meta.url), { type: 'module' })`.
 *
 * Requests that arrive while a grid is being computed queue up in the event loop; only the newest
 * valid one is worth computing (the client ignores stale ids), so valid requests are coalesced and
 * superseded ones are dropped without a reply. Malformed messages are answered at once.
 */
import { runLandscapeRequest } from './landscape-handler.ts';
import { gridTransferables, parseLandscapeRequest } from './landscape-protocol.ts';
import type { LandscapeRequest, LandscapeResponse } from './landscape-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let pending: LandscapeRequest | null = null;
let scheduled = false;

function reply(response: LandscapeResponse): void {
  scope.postMessage(response, response.kind === 'result' ? gridTransferables(response.grid) : []);
}

function runLatest(): void {
  scheduled = false;
  const request = pending;
  pending = null;
  if (request) reply(runLandscapeRequest(request));
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = parseLandscapeRequest(event.data);
  if (!parsed.ok) {
    reply(parsed.error);
    return;
  }
  pending = parsed.request;
  if (!scheduled) {
    scheduled = true;
    // A macrotask lets the other queued messages be delivered first, so the newest one wins.
    setTimeout(runLatest, 0);
  }
};
