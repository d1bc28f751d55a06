/**
 * The slice settings typed by people, checked when they are committed (Enter or leaving the field), not
 * on each keystroke: clamping each keystroke turned "0.5" into 0.055 and "32" into 64 (issue 11). The
 * bounds are the panel's: narrower than the worker protocol's (slice-protocol.ts) so that a slice stays a
 * few seconds of work on a class laptop.
 */
export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

export const SLICE_FIELD_BOUNDS = {
  span: { min: 0.05, max: 20 },
  samples: { min: 1, max: 64 },
  seed: { min: -1e9, max: 1e9 },
} as const;

function number(text: string, name: string): FieldResult {
  const t = text.trim().replace('−', '-');
  if (t === '') return { ok: false, message: `Enter a number for ${name}.` };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `“${text.trim()}” is not a number.` };
  return { ok: true, value: v };
}

function bounded(text: string, name: string, { min, max }: { min: number; max: number }, integer: boolean): FieldResult {
  const r = number(text, name);
  if (!r.ok) return r;
  if (integer && !Number.isInteger(r.value)) return { ok: false, message: `${name} must be a whole number.` };
  if (r.value < min || r.value > max) return { ok: false, message: `${name} must be from ${min} to ${max}.` };
  return r;
}

export const parseSpan = (text: string): FieldResult => bounded(text, 'Span', SLICE_FIELD_BOUNDS.span, false);
export const parseSamples = (text: string): FieldResult => bounded(text, 'Posterior samples', SLICE_FIELD_BOUNDS.samples, true);
export const parseSeed = (text: string): FieldResult => bounded(text, 'Direction seed', SLICE_FIELD_BOUNDS.seed, true);
