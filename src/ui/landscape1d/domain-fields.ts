/**
 * Parsers for the 1-D panel's domain fields: each value is checked against the schema's own bounds
 * (landscape1dSchema) and against the other end of the domain, so a message names the real reason.
 */
import { landscape1dSchema } from '../../state/experiment.ts';
import { parseField, type ParseResult } from '../../state/update.ts';
import { formatInput } from '../kit/format.ts';

const fields = landscape1dSchema.shape;

export function parseFrom(text: string, to: number): ParseResult {
  const r = parseField(text, fields.from, 'from');
  if (r.ok && !(r.value < to)) return { ok: false, message: `from must be less than to (${formatInput(to)}).` };
  return r;
}

export function parseTo(text: string, from: number): ParseResult {
  const r = parseField(text, fields.to, 'to');
  if (r.ok && !(r.value > from)) return { ok: false, message: `to must be greater than from (${formatInput(from)}).` };
  return r;
}

export const parsePoints = (text: string): ParseResult => parseField(text, fields.points, 'grid points');
