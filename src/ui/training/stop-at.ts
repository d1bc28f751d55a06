/** The "pause at step" field: empty means no stop; otherwise a whole step ≥ 1. */
export type StopAtParse = { ok: true; value: number | null } | { ok: false; message: string };

export const MAX_STOP_AT = 10_000_000;

export function parseStopAt(text: string): StopAtParse {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^\d+$/.test(t)) return { ok: false, message: `“${t}” is not a step number (use a whole number such as 500, or leave empty).` };
  const n = Number(t);
  if (n < 1 || n > MAX_STOP_AT) return { ok: false, message: `The stop step must be 1 to ${MAX_STOP_AT}.` };
  return { ok: true, value: n };
}
