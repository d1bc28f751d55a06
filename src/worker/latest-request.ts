/**
 * The message loop shared by the landscape workers. Requests that arrive while a grid is being
 * computed queue up in the event loop; only the newest valid one is worth computing (the client
 * ignores stale ids), so valid requests are coalesced and superseded ones are dropped without a
 * reply. Malformed messages are answered at once.
 */
export interface LatestRequestLoop<Req, Res> {
  /** Validates a message; never throws. */
  parse: (data: unknown) => { ok: true; request: Req } | { ok: false; error: Res };
  run: (request: Req) => Res;
  /** Posts a response (with its transfer list) back to the main thread. */
  reply: (response: Res) => void;
}

/** Returns the worker's onmessage handler. */
export function latestRequestHandler<Req, Res>(loop: LatestRequestLoop<Req, Res>): (event: { data: unknown }) => void {
  let pending: Req | null = null;
  let scheduled = false;

  function runLatest(): void {
    scheduled = false;
    const request = pending;
    pending = null;
    if (request) loop.reply(loop.run(request));
  }

  return (event) => {
    const parsed = loop.parse(event.data);
    if (!parsed.ok) {
      loop.reply(parsed.error);
      return;
    }
    pending = parsed.request;
    if (!scheduled) {
      scheduled = true;
      // A macrotask lets the other queued messages be delivered first, so the newest one wins.
      setTimeout(runLatest, 0);
    }
  };
}
