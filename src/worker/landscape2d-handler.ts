/**
 * The 2-D landscape worker's logic as a pure function of the message (unit-testable in node, and the
 * main-thread fallback when the worker is unavailable). Never throws.
 */
import { computeLandscape2D } from '../math/landscape2d/landscape2d.ts';
import type { Progress2D } from '../math/landscape2d/landscape2d.ts';
import { compileLoss2D } from '../math/landscape2d/loss2d.ts';
import { parseMaps2DRequest } from './landscape2d-protocol.ts';
import type { Maps2DFinalResponse, Maps2DRequest } from './landscape2d-protocol.ts';

/** `onProgress` receives the fraction done as the objectives are computed (the worker posts it on). */
export function runMaps2DRequest(request: Maps2DRequest, onProgress?: Progress2D): Maps2DFinalResponse {
  const { id } = request;
  const compiled = compileLoss2D(request.expression);
  if (!compiled.ok) return { id, kind: 'error', message: `Invalid loss expression: ${compiled.error.message}` };
  const started = performance.now();
  try {
    const { xFrom, xTo, yFrom, yTo, points, sigma, rho } = request;
    const maps = computeLandscape2D({ loss: compiled.fn, xFrom, xTo, yFrom, yTo, points, sigma, rho }, onProgress);
    return { id, kind: 'result', maps, elapsedMs: performance.now() - started };
  } catch (e) {
    return { id, kind: 'error', message: `Computing the 2-D maps failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function handleMaps2DRequest(message: unknown): Maps2DFinalResponse {
  const parsed = parseMaps2DRequest(message);
  return parsed.ok ? runMaps2DRequest(parsed.request) : parsed.error;
}
