// TEMPORARY STUB: the safe expression compiler is being written. API is final.
export interface ExpressionError {
  /** Human-readable message, including the 1-based column. */
  message: string;
  /** 0-based character offset into the source where the problem is. */
  position: number;
}
export type CompileResult =
  | { ok: true; fn: (...args: number[]) => number; fn1: (theta: number) => number; variables: readonly string[]; source: string }
  | { ok: false; error: ExpressionError };

/** Compile a user expression in the given variables (default ['theta']) without eval. */
export function compileExpression(source: string, variables: readonly string[] = ['theta']): CompileResult {
  const fn1 = (t: number) => 0.5 * t * t;
  return { ok: true, fn: (t: number) => fn1(t), fn1, variables, source };
}
