/**
 * Message protocol of the 2-D landscape worker, the same shape as landscape-protocol.ts: requests carry
 * the loss as expression TEXT in x and y (a function cannot be posted), every message is validated and
 * a malformed one gets an error response, and the grids come back as transferred Float64Arrays.
 */
import { z } from 'zod';
import { MAX_POINTS_2D, MIN_POINTS_2D } from '../math/landscape2d/landscape2d.ts';
import type { Landscape2D } from '../math/landscape2d/types.ts';

export const MAX_EXPRESSION_LENGTH = 500;
/** The panel asks for at most 256 × 256; the protocol allows the maths' own bound. */
const finite = z.number().finite();

export const maps2dRequestSchema = z
  .object({
    id: z.number().int().nonnegative(),
    kind: z.literal('maps2d'),
    expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH),
    xFrom: finite,
    xTo: finite,
    yFrom: finite,
    yTo: finite,
    points: z.number().int().min(MIN_POINTS_2D).max(MAX_POINTS_2D),
    sigma: finite.positive(),
    rho: finite.min(0),
  })
  .strict()
  .refine((r) => r.xFrom < r.xTo, { message: 'xFrom must be less than xTo', path: ['xTo'] })
  .refine((r) => r.yFrom < r.yTo, { message: 'yFrom must be less than yTo', path: ['yTo'] });

export type Maps2DRequest = z.infer<typeof maps2dRequestSchema>;

export interface Maps2DResultResponse {
  id: number;
  kind: 'result';
  maps: Landscape2D;
  elapsedMs: number;
}
export interface Maps2DErrorResponse {
  id: number | null;
  kind: 'error';
  message: string;
}
export type Maps2DResponse = Maps2DResultResponse | Maps2DErrorResponse;

function salvageId(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || !('id' in data)) return null;
  const id = (data as { id: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

export function parseMaps2DRequest(data: unknown): { ok: true; request: Maps2DRequest } | { ok: false; error: Maps2DErrorResponse } {
  const parsed = maps2dRequestSchema.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data };
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, error: { id: salvageId(data), kind: 'error', message: `Malformed request: ${detail}` } };
}

const arr = z.instanceof(Float64Array);
const responseSchema = z.union([
  z.object({
    id: z.number().int().nonnegative(),
    kind: z.literal('result'),
    maps: z.object({ x: arr, y: arr, loss: arr, expected: arr, sam: arr, relaxed: arr, warnings: z.array(z.string()) }),
    elapsedMs: z.number(),
  }),
  z.object({ id: z.number().int().nonnegative().nullable(), kind: z.literal('error'), message: z.string() }),
]);

/** Validates a response on the main thread (null for anything else); grid sizes must match the axes. */
export function parseMaps2DResponse(data: unknown): Maps2DResponse | null {
  const parsed = responseSchema.safeParse(data);
  if (!parsed.success) return null;
  const res = parsed.data;
  if (res.kind === 'result') {
    const { x, y, loss, expected, sam, relaxed } = res.maps;
    const cells = x.length * y.length;
    if (x.length !== y.length || [loss, expected, sam, relaxed].some((a) => a.length !== cells)) return null;
  }
  return res;
}

export function maps2DTransferables(maps: Landscape2D): ArrayBuffer[] {
  const buffers = [maps.x, maps.y, maps.loss, maps.expected, maps.sam, maps.relaxed].map((a) => a.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
