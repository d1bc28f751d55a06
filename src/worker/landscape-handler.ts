/**
 * The landscape worker's logic as a pure function of the message, so it can be unit-tested in node
 * and reused on the main thread when the worker is unavailable. Never throws.
 */
import { compileLoss1D, errorText } from './compile-loss.ts';
import { computeMSigmaGrid } from '../math/msigma.ts';
import { parseLandscapeRequest } from './landscape-protocol.ts';
import type { LandscapeRequest, LandscapeResponse } from './landscape-protocol.ts';

/** Runs an already validated request. */
export function runLandscapeRequest(request: LandscapeRequest): LandscapeResponse {
  const { id } = request;
  const compiled = compileLoss1D(id, request.expression);
  if (!compiled.ok) return compiled.error;
  const started = performance.now();
  try {
    const grid = computeMSigmaGrid({
      loss: compiled.loss,
      mFrom: request.mFrom,
      mTo: request.mTo,
      mPoints: request.mPoints,
      sigmaFrom: request.sigmaFrom,
      sigmaTo: request.sigmaTo,
      sigmaPoints: request.sigmaPoints,
    });
    return { id, kind: 'result', grid, elapsedMs: performance.now() - started };
  } catch (e) {
    return { id, kind: 'error', message: `Computing the (m, σ) grid failed: ${errorText(e)}` };
  }
}

/** Validates an incoming message and runs it; a malformed message yields an error response. */
export function handleLandscapeRequest(message: unknown): LandscapeResponse {
  const parsed = parseLandscapeRequest(message);
  return parsed.ok ? runLandscapeRequest(parsed.request) : parsed.error;
}
