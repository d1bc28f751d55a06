/** Turn a --loss argument (a preset id or an expression in theta) into a loss function. */
import { compileExpression } from '../math/expression.ts';
import type { Loss1D } from '../math/objectives.ts';
import { findPreset, LOSS_PRESETS } from '../math/presets.ts';
import { UsageError } from './args.ts';

export interface ResolvedLoss {
  fn: Loss1D;
  /** The expression actually compiled (the preset's, or the text as given). */
  expression: string;
  presetId: string | null;
}

const PRESET_IDS = LOSS_PRESETS.map((p) => p.id).join(', ');
/** Text that looks like an id rather than maths, e.g. `sharp-flatt`: the "unknown preset" case. */
const LOOKS_LIKE_ID = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;

export function resolveLoss1D(spec: string): ResolvedLoss {
  if (spec.trim() === '') throw new UsageError(`--loss is empty: give a preset (${PRESET_IDS}) or an expression in theta`);
  const preset = findPreset(spec.trim());
  const expression = preset ? preset.expression : spec;
  const compiled = compileExpression(expression, ['theta']);
  if (compiled.ok) return { fn: compiled.fn1, expression, presetId: preset?.id ?? null };
  if (preset) throw new Error(`preset '${preset.id}' does not compile: ${compiled.error.message}`);
  const why = compiled.error.message;
  if (LOOKS_LIKE_ID.test(spec.trim())) {
    throw new UsageError(`unknown preset '${spec}' (presets: ${PRESET_IDS}), and not a valid expression: ${why}`);
  }
  throw new UsageError(`invalid --loss expression '${spec}': ${why}`);
}
