/**
 * The minimiser-path worker's logic as pure functions of the message, testable in node and reused on
 * the main thread when the worker is unavailable. Never throws.
 */
import { compileLoss1D, errorText } from './compile-loss.ts';
import { createMinimiserPathJob } from '../math/minimiser-path.ts';
import type { MinimiserPathJob } from '../math/minimiser-path.ts';
import { parseMinimiserRequest } from './minimiser-protocol.ts';
import type { MinimiserRequest, MinimiserResponse } from './minimiser-protocol.ts';
import type { ErrorResponse } from './protocol-common.ts';

export interface RunningJob {
  id: number;
  job: MinimiserPathJob;
  started: number;
}

/** Compiles the loss and prepares the job, or explains why it cannot run. */
export function startMinimiserJob(request: MinimiserRequest): RunningJob | ErrorResponse {
  const { id } = request;
  const compiled = compileLoss1D(id, request.expression);
  if (!compiled.ok) return compiled.error;
  try {
    const { from, to, points, axis, sigma, rho, sweepFrom, sweepTo, sweepPoints } = request;
    const job = createMinimiserPathJob({ loss: compiled.loss, from, to, points, axis, sigma, rho, sweepFrom, sweepTo, sweepPoints });
    return { id, job, started: performance.now() };
  } catch (e) {
    return { id, kind: 'error', message: `Computing the minimiser path failed: ${errorText(e)}` };
  }
}

/** Advances a job by one swept value; returns the final response when it is done (or fails), else null. */
export function stepMinimiserJob(running: RunningJob): MinimiserResponse | null {
  const { id, job } = running;
  try {
    if (job.step()) return null;
    const r = job.result();
    const { expected, sam, relaxed, biconjugate } = r.argmin;
    return { id, kind: 'result', path: { axis: r.axis, values: r.values, expected, sam, relaxed, biconjugate, warnings: r.warnings }, elapsedMs: performance.now() - running.started };
  } catch (e) {
    return { id, kind: 'error', message: `Computing the minimiser path failed: ${errorText(e)}` };
  }
}

/** The whole request at once (main-thread fallback and tests). */
export function handleMinimiserRequest(message: unknown): MinimiserResponse {
  const parsed = parseMinimiserRequest(message);
  if (!parsed.ok) return parsed.error;
  const running = startMinimiserJob(parsed.request);
  if (!('job' in running)) return running;
  for (;;) {
    const done = stepMinimiserJob(running);
    if (done) return done;
  }
}
