/**
 * The 1-D landscape worker's logic as a pure function of the request, so it can be unit-tested in node
 * and run on the main thread if the worker fails. Never throws.
 */
import { compileLoss1D, errorText } from './compile-loss.ts';
import { geometryAt } from '../math/geometry1d.ts';
import { computeLandscape1D } from '../math/landscape1d.ts';
import type { Loss1D } from '../math/objectives.ts';
import { nonFiniteCounts, thinLandscape } from './landscape1d-display.ts';
import type { Landscape1DRequest, Landscape1DResponse, ProgressMessage } from './landscape1d-protocol.ts';
import { parseLandscape1DRequest } from './landscape1d-protocol.ts';

/** A loss that throws gives NaN ("not computable") instead of failing the whole request. */
function guarded(f: Loss1D): Loss1D {
  return (theta) => {
    try {
      return f(theta);
    } catch {
      return NaN;
    }
  };
}

export function runLandscape1DRequest(request: Landscape1DRequest, onProgress: (p: ProgressMessage) => void = () => {}): Landscape1DResponse {
  const { id } = request;
  const compiled = compileLoss1D(id, request.expression);
  if (!compiled.ok) return compiled.error;
  const loss = guarded(compiled.loss);
  const started = performance.now();
  try {
    if (request.kind === 'geometry') {
      const geometry = geometryAt(loss, request.m, request.sigma, request.rho);
      return { id, kind: 'geometry', geometry, elapsedMs: performance.now() - started };
    }
    const { from, to, points, sigma, rho } = request;
    const landscape = computeLandscape1D({ loss, from, to, points, sigma, rho }, (stage, fraction) => onProgress({ id, kind: 'progress', stage, fraction }));
    // Counted on the full grid; only what the plot needs goes to the main thread.
    const counts = nonFiniteCounts(landscape);
    return { id, kind: 'curves', ...thinLandscape(landscape), counts, elapsedMs: performance.now() - started };
  } catch (e) {
    return { id, kind: 'error', message: `Computing the 1-D landscape failed: ${errorText(e)}` };
  }
}

/** Validates an incoming message and runs it; a malformed message yields an error response. */
export function handleLandscape1DRequest(message: unknown, onProgress?: (p: ProgressMessage) => void): Landscape1DResponse {
  const parsed = parseLandscape1DRequest(message);
  return parsed.ok ? runLandscape1DRequest(parsed.request, onProgress) : parsed.error;
}
