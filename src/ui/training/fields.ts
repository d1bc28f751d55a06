/** Strict parsers for the training controls (typed text never reaches the state unless it is valid). */
import { parseBounded } from '../../state/update.ts';
import type { ParseResult } from '../../state/update.ts';

export function parseInteger(text: string, bounds: { min: number; max: number }, name: string): ParseResult {
  const r = parseBounded(text, bounds, name);
  if (r.ok && !Number.isInteger(r.value)) return { ok: false, message: `${name} must be a whole number.` };
  return r;
}

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_LAYER_WIDTH = 128;

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
    if (n < 1 || n > MAX_LAYER_WIDTH) return { ok: false, message: `Layer widths must be 1 to ${MAX_LAYER_WIDTH}.` };
    value.push(n);
  }
  return { ok: true, value };
}

export function formatHidden(hidden: readonly number[]): string {
  return hidden.join(',');
}
