/** A 2-D loss from a preset id or an expression in x and y, through the one expression compiler. */
import { compileExpression } from '../expression.ts';
import type { ExpressionError } from '../expression.ts';
import { findPreset2D } from './presets2d.ts';
import type { Loss2D } from './types.ts';

export const VARIABLES_2D = ['x', 'y'] as const;

export type Compiled2D = { ok: true; fn: Loss2D; source: string } | { ok: false; error: ExpressionError };

/**
 * Compile an expression in x and y. The result never throws: a loss that threw would take a worker or
 * the page down, and the maths layer already reports NaN as "not computable".
 */
export function compileLoss2D(source: string): Compiled2D {
  const compiled = compileExpression(source, VARIABLES_2D);
  if (!compiled.ok) return compiled;
  const f = compiled.fn;
  const fn: Loss2D = (x, y) => {
    try {
      return f(x, y);
    } catch {
      return NaN;
    }
  };
  return { ok: true, fn, source };
}

/** The expression text of a preset id, or the text itself. */
export function lossSource2D(spec: { kind: 'preset'; id: string } | { kind: 'expression'; text: string }): string | null {
  return spec.kind === 'expression' ? spec.text : (findPreset2D(spec.id)?.expression ?? null);
}
