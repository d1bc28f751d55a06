/**
 * What the landscape worker protocols (landscape-protocol.ts, landscape2d-protocol.ts) share: the
 * head of every request (id, kind, loss as expression TEXT, since a function cannot be posted) and
 * the validation of untrusted messages, which never throws so a malformed message gets an error
 * response instead of killing the worker.
 */
import { z } from 'zod';

export const MAX_EXPRESSION_LENGTH = 500;

export const finite = z.number().finite();

/** The fields every request starts with; spread into the request's own z.object. */
export function requestHead<K extends string>(kind: K) {
  return {
    id: z.number().int().nonnegative(),
    kind: z.literal(kind),
    expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH),
  };
}

export interface ErrorResponse {
  /** null when the request was too malformed to carry a usable id. */
  id: number | null;
  kind: 'error';
  message: string;
}

export const errorResponseSchema = z.object({ id: z.number().int().nonnegative().nullable(), kind: z.literal('error'), message: z.string() });

/** Best-effort id of a message that failed validation, so the client can still match the error. */
function salvageId(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || !('id' in data)) return null;
  const id = (data as { id: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

export type ParsedRequest<Req> = { ok: true; request: Req } | { ok: false; error: ErrorResponse };

/** Validates `data` against `schema`; a failure becomes an error response naming the first issues. */
export function parseRequest<Req>(schema: z.ZodType<Req>, data: unknown): ParsedRequest<Req> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, error: { id: salvageId(data), kind: 'error', message: `Malformed request: ${detail}` } };
}
