/** The "pause at step" field: empty means no stop; otherwise a whole step in the schema's range. */
import { numberBounds } from '../../state/schema-bounds.ts';
import { trainingSchema } from '../../state/training.ts';

export type StopAtParse = { ok: true; value: number | null } | { ok: false; message: string };

const STOP_AT = numberBounds(trainingSchema.shape.stopAt);
export const MAX_STOP_AT = STOP_AT.max;

export function parseStopAt(text: string): StopAtParse {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^\d+$/.test(t)) return { ok: false, message: `“${t}” is not a step number (use a whole number such as 500, or leave empty).` };
  const n = Number(t);
  if (n < STOP_AT.min || n > STOP_AT.max) return { ok: false, message: `The stop step must be ${STOP_AT.min} to ${STOP_AT.max}.` };
  return { ok: true, value: n };
}
