/**
 * The 1-D workers' first step: the request's loss text compiled to θ ↦ ℓ(θ), or the error response that says
 * why it cannot be (the compiler throwing is caught too, so a handler never throws).
 */
import { compileExpression } from '../math/expression.ts';
import type { Loss1D } from '../math/objectives.ts';
import type { ErrorResponse } from './protocol-common.ts';

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function compileLoss1D(id: number, expression: string): { ok: true; loss: Loss1D } | { ok: false; error: ErrorResponse } {
  let compiled;
  try {
    compiled = compileExpression(expression, ['theta']);
  } catch (e) {
    return { ok: false, error: { id, kind: 'error', message: `Could not compile the loss: ${errorText(e)}` } };
  }
  if (!compiled.ok) return { ok: false, error: { id, kind: 'error', message: `Invalid loss expression: ${compiled.error.message}` } };
  return { ok: true, loss: compiled.fn1 };
}
