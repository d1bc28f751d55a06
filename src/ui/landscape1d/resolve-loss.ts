/** Turn the state's loss spec into a callable loss (presets go through the same compiler as typed text). */
import { compileExpression } from '../../math/expression.ts';
import type { Loss1D } from '../../math/objectives.ts';
import type { LossSpec } from '../../state/experiment.ts';
import { lossSourceText } from '../../state/update.ts';

export type ResolvedLoss = { ok: true; fn: Loss1D; source: string } | { ok: false; message: string };

export function resolveLoss(spec: LossSpec): ResolvedLoss {
  const source = lossSourceText(spec);
  if (source === null) return { ok: false, message: `Unknown loss preset “${spec.kind === 'preset' ? spec.id : ''}”.` };
  const compiled = compileExpression(source, ['theta']);
  if (!compiled.ok) return { ok: false, message: `The loss “${source}” does not compile: ${compiled.error.message}` };
  const f = compiled.fn1;
  // A loss that throws must not take the page down: the maths layer reports NaN as "not computable".
  const fn: Loss1D = (theta) => {
    try {
      return f(theta);
    } catch {
      return NaN;
    }
  };
  return { ok: true, fn, source };
}
