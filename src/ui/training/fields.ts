/** The hidden-layers field's parser (typed text never reaches the state unless it is valid). */
import { elementOf, lengthBounds, numberBounds } from '../../state/schema-bounds.ts';
import { trainingSchema } from '../../state/training.ts';

const HIDDEN = trainingSchema.shape.model.shape.hidden;
/** From the schema, like every bound: the reducer and the link decoder enforce the same. */
export const MAX_HIDDEN_LAYERS = lengthBounds(HIDDEN).max;
export const MAX_LAYER_WIDTH = numberBounds(elementOf(HIDDEN)).max;
const MIN_LAYER_WIDTH = numberBounds(elementOf(HIDDEN)).min;

export type HiddenParse = { ok: true; value: number[] } | { ok: false; message: string };

/** "32,32,32,32" → [32, 32, 32, 32]; an empty text is no hidden layer (a linear model). */
export function parseHidden(text: string): HiddenParse {
  const t = text.trim();
  if (t === '') return { ok: true, value: [] };
  const parts = t.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length > MAX_HIDDEN_LAYERS) return { ok: false, message: `At most ${MAX_HIDDEN_LAYERS} hidden layers.` };
  const value: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return { ok: false, message: `“${p}” is not a layer width (use e.g. 32,32).` };
    const n = Number(p);
    if (n < MIN_LAYER_WIDTH || n > MAX_LAYER_WIDTH) return { ok: false, message: `Layer widths must be ${MIN_LAYER_WIDTH} to ${MAX_LAYER_WIDTH}.` };
    value.push(n);
  }
  return { ok: true, value };
}

export function formatHidden(hidden: readonly number[]): string {
  return hidden.join(',');
}
