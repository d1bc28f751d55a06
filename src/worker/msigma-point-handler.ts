/** The point worker's logic as a pure function of the message (unit-tested in node; the main-thread fallback). Never throws. */
import { compileExpression } from '../math/expression.ts';
import { gapAt } from '../math/msigma.ts';
import { parsePointRequest } from './msigma-point-protocol.ts';
import type { PointRequest, PointResponse } from './msigma-point-protocol.ts';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function runPointRequest(request: PointRequest): PointResponse {
  const { id } = request;
  const compiled = compileExpression(request.expression, ['theta']);
  if (!compiled.ok) return { id, kind: 'error', message: `Invalid loss expression: ${compiled.error.message}` };
  const started = performance.now();
  try {
    const point = gapAt(compiled.fn1, request.m, request.sigma, request.span);
    return { id, kind: 'result', point, elapsedMs: performance.now() - started };
  } catch (e) {
    return { id, kind: 'error', message: `Computing B − E at (m, σ) failed: ${messageOf(e)}` };
  }
}

export function handlePointRequest(message: unknown): PointResponse {
  const parsed = parsePointRequest(message);
  return parsed.ok ? runPointRequest(parsed.request) : parsed.error;
}
