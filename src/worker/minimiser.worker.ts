/// <reference lib="webworker" />
/**
 * Module worker computing the minimiser path one swept σ or ρ per macrotask: between values it reports
 * progress and lets newer messages in, and a newer valid request supersedes the running job
 * (the client only shows the newest id's answer, so the old one is dropped without a reply).
 */
import { startMinimiserJob, stepMinimiserJob } from './minimiser-handler.ts';
import type { RunningJob } from './minimiser-handler.ts';
import { parseMinimiserRequest, pathTransferables } from './minimiser-protocol.ts';
import type { MinimiserProgress, MinimiserResponse } from './minimiser-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let running: RunningJob | null = null;
let scheduled = false;

function reply(response: MinimiserResponse): void {
  scope.postMessage(response, response.kind === 'result' ? pathTransferables(response.path) : []);
}

function tick(): void {
  scheduled = false;
  const current = running;
  if (!current) return;
  const final = stepMinimiserJob(current);
  if (final) {
    running = null;
    reply(final);
    return;
  }
  const progress: MinimiserProgress = { id: current.id, kind: 'progress', done: current.job.done(), total: current.job.total };
  scope.postMessage(progress);
  schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(tick, 0);
}

scope.onmessage = (event: MessageEvent) => {
  const parsed = parseMinimiserRequest(event.data);
  if (!parsed.ok) {
    reply(parsed.error);
    return;
  }
  const started = startMinimiserJob(parsed.request);
  if (!('job' in started)) {
    running = null;
    reply(started);
    return;
  }
  running = started;
  schedule();
};
